/** The bureau's web console: its static files, for the REST bundle to serve. */
@Export
@Version("1.0.0")
package org.gongji.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
