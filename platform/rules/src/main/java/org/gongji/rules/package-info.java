/**
 * Region rules as data: the reader of a region's parameter table and {@link org.gongji.rules.StandardRegion},
 * the region that the standard table-driven implementations make of a table.
 */
@Export
@Version("1.0.0")
package org.gongji.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
