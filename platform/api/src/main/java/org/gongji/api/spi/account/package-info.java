/**
 * SPI: personal account crediting (个人账户计入) and the allowed uses of the account (家庭共济).
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.account;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
