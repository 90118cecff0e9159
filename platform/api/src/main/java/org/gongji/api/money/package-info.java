/**
 * Exact money in fen and exact ratios in basis points, with the one rounding rule (half-up to the fen, 四舍五入).
 */
@Export
@Version("1.0.0")
package org.gongji.api.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
