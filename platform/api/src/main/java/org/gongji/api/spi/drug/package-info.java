/**
 * SPI: separately paid negotiated drugs (国家医保谈判药品单独支付), paid line by line under their own terms.
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.drug;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
