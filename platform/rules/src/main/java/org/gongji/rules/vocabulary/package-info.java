/**
 * The key vocabulary: every key a region table may hold, with its kind, unit, description in Chinese
 * and whether it is required or its default; the check that refuses a table with an unknown key, a
 * value of the wrong kind or a missing required key, naming the line and the key.
 */
@Export
@Version("1.0.0")
package org.gongji.rules.vocabulary;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
