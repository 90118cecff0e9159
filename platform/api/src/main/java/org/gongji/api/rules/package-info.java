/**
 * Region numbers as data: dated parameters, each with the clause that sets it or an assumption flag, read from a table a bureau officer can review.
 */
@Export
@Version("1.0.0")
package org.gongji.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
