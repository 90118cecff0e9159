package org.gongji.engine.conformance;

/** Outcome of the filing check. */
public enum ConformanceStatus {
    CONFORMS,
    VIOLATES,
    /** No province bounds to check against (a province, or a city whose province is not deployed). */
    NOT_CHECKED
}
