/**
 * The settlement engine: a pure function from (person, visit, region rules, year-to-date
 * accumulators, account balance) to (breakdown, new accumulators, trace). No I/O, no clock, no OSGi.
 */
@Export
@Version("1.0.0")
package org.gongji.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
