/**
 * SPI: the numbers a region sets for paying providers: per-capita (按人头), DIP (按病种分值) and per-item (按项目).
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
