/**
 * Errors as values with stable codes; the REST layer maps each code to one HTTP status.
 */
@Export
@Version("1.3.0")
package org.gongji.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
