/**
 * Insured persons: category (在职 / 退休), contribution base, family-doctor contract, dated chronic-disease recognitions and close family.
 */
@Export
@Version("2.0.0")
package org.gongji.api.person;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
