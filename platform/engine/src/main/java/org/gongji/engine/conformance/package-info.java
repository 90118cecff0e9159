/**
 * The filing check (备案): a city's numbers against its province's bounds, for every period in which either changes.
 */
@Export
@Version("1.0.0")
package org.gongji.engine.conformance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
