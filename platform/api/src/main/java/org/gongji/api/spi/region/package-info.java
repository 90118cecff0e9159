/**
 * SPI: a region as a whole: metadata, the benefit SPIs it provides, and the bounds a province sets on its cities.
 */
@Export
@Version("1.1.0")
package org.gongji.api.spi.region;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
