/**
 * What a region author needs to test a region bundle: scenario tables written the way the bureau
 * states a case (person, visit, expected fund pay, clause), and the standard checks every region runs.
 */
@Export
@Version("1.0.0")
package org.gongji.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
