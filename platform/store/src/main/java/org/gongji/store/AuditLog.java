package org.gongji.store;

/** Who wrote what, when: one entry per write, written in the write's transaction. */
public interface AuditLog {

    AuditPage entries(AuditQuery query);
}
