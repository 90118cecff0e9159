/**
 * Terms of a benefit as a region returns them (deductible, pay ratio with named adjustments, caps) and the year-to-date view the region may consult. The engine does the arithmetic.
 */
@Export
@Version("1.0.0")
package org.gongji.api.spi.benefit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
