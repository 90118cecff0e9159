/**
 * Finding the rules in force for a region and date, falling back from a city to its province.
 */
@Export
@Version("1.0.0")
package org.gongji.engine.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
