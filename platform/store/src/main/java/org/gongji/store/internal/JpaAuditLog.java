package org.gongji.store.internal;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import org.gongji.store.AuditEntry;
import org.gongji.store.AuditLog;
import org.gongji.store.AuditPage;
import org.gongji.store.AuditQuery;
import org.gongji.store.RegionScope;

/** Reads {@code gj_audit} by time, client and region, oldest first, a page at a time. */
final class JpaAuditLog implements AuditLog {

    private final Database db;

    JpaAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public AuditPage entries(AuditQuery q) {
        List<String> where = new ArrayList<>();
        if (q.from() != null) {
            where.add("a.happenedAt >= :from");
        }
        if (q.to() != null) {
            where.add("a.happenedAt < :to");
        }
        if (q.clientId() != null) {
            where.add("a.clientId = :client");
        }
        if (q.region() != null) {
            where.add("a.region LIKE :region");
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return db.read(em -> {
            TypedQuery<AuditRow> rows = bind(em.createQuery("SELECT a FROM AuditRow a" + condition
                    + " ORDER BY a.happenedAt, a.id", AuditRow.class), q);
            TypedQuery<Long> count = bind(em.createQuery("SELECT COUNT(a) FROM AuditRow a" + condition, Long.class), q);
            List<AuditEntry> entries = rows.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList().stream()
                    .map(JpaAuditLog::entry).toList();
            return new AuditPage(entries, q.offset(), q.limit(), count.getSingleResult());
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, AuditQuery q) {
        if (q.from() != null) {
            query.setParameter("from", Rows.utc(q.from()));
        }
        if (q.to() != null) {
            query.setParameter("to", Rows.utc(q.to()));
        }
        if (q.clientId() != null) {
            query.setParameter("client", q.clientId());
        }
        if (q.region() != null) {
            query.setParameter("region", RegionScope.prefix(q.region()) + "%");
        }
        return query;
    }

    private static AuditEntry entry(AuditRow r) {
        return new AuditEntry(r.id, Rows.instant(r.happenedAt), r.clientId, r.actor, r.action, r.target, r.region,
                r.detail, r.idempotencyKey);
    }
}
