/**
 * A visit (就诊) with its medical type and fee lines by catalogue class (甲 / 乙 / 丙).
 */
@Export
@Version("1.0.0")
package org.gongji.api.visit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
