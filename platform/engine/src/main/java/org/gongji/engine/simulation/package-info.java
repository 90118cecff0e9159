/**
 * Fund simulation (基金测算): the same claims under the rules in force and under a draft, side by side.
 */
@Export
@Version("1.0.0")
package org.gongji.engine.simulation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
