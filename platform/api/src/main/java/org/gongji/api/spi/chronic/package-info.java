/**
 * SPI: chronic and special disease outpatient coverage (门诊慢特病).
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.chronic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
