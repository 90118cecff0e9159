/**
 * SPI: inpatient terms (住院), where a region changed them with the reform.
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.inpatient;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
