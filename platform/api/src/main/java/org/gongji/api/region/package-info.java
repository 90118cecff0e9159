/**
 * Region codes (统筹地区 / 医保区划) and citations of the policy clauses that set a number.
 */
@Export
@Version("1.0.0")
package org.gongji.api.region;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
