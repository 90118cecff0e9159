/**
 * Designated medical institutions and retail pharmacies (定点医药机构) by level.
 */
@Export
@Version("1.0.0")
package org.gongji.api.institution;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
