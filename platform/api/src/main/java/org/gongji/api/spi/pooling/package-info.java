/**
 * SPI: general outpatient pooling (普通门诊统筹).
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.pooling;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
