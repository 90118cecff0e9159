/**
 * SPI: how a region pays providers after the fact, per capita (按人头), by DIP case points
 * (按病种分值) or per item (按项目): which settlements each method covers and its numbers, each with
 * its citation. The platform's engine does the arithmetic.
 */
@Export
@Version("1.1.0")
package org.gongji.api.spi.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
