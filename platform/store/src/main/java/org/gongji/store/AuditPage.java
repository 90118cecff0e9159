package org.gongji.store;

import java.util.List;

/** A page of the audit log and how many entries the query matches in all. */
public record AuditPage(List<AuditEntry> entries, int offset, int limit, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
