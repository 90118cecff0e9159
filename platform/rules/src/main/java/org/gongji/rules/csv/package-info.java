/**
 * The one CSV reader of the platform: bureau catalogues, uploaded case lists and region authors' scenario tables.
 */
@Export
@Version("1.0.0")
package org.gongji.rules.csv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
