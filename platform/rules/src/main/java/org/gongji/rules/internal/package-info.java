/**
 * The table-driven implementations of the SPIs over the standard parameter keys, and the bounds a
 * province declares as {@code bound.*} rows with their checker. Private to the rules bundle: a region
 * reaches them through {@link org.gongji.rules.StandardRegion}.
 */
package org.gongji.rules.internal;
