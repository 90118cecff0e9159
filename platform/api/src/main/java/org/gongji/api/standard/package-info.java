/**
 * Table-driven implementations of the SPIs over the standard parameter keys, so that a region bundle holds only its data and what is truly local.
 */
@Export
@Version("1.1.0")
package org.gongji.api.standard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
