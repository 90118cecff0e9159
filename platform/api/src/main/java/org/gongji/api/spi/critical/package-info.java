/**
 * SPI: the critical-illness insurance layer (大病保险) that pays on top of the pooled fund, on the
 * person's in-scope own share cumulated over the year (Zhejiang: the own share of chronic,
 * special-disease and general outpatient costs counts toward it).
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.critical;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
