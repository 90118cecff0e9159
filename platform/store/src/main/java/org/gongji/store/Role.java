package org.gongji.store;

/**
 * What a client may do (the matrix is in the REST layer and in README "Access").
 * <ul>
 * <li>{@code ADMIN}: everything, and the clients themselves;</li>
 * <li>{@code BUREAU} of a region: that region and the cities under it;</li>
 * <li>{@code AUDITOR} of a region: reads what its bureau reads, writes nothing;</li>
 * <li>{@code INSTITUTION}: bound to one institution, settles in its name only.</li>
 * </ul>
 */
public enum Role {
    ADMIN,
    BUREAU,
    AUDITOR,
    INSTITUTION
}
