/**
 * Region numbers as data: dated parameters, each with the clause that sets it or an assumption flag (the reader of the tables is in the rules bundle, org.gongji.rules).
 */
@Export
@Version("2.0.0")
package org.gongji.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
