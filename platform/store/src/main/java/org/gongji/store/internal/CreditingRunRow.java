package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

/** The monthly crediting of a region; locked while a run credits, so runs of one month never overlap. */
@Entity
@Table(name = "gj_crediting_run")
@IdClass(CreditingRunRow.Key.class)
public class CreditingRunRow {

    @Id
    String region;
    @Id
    @Column(name = "credit_month")
    String creditMonth;
    int runs;
    @Column(name = "persons_credited")
    int personsCredited;
    @Column(name = "total_credited_fen")
    long totalCreditedFen;
    @Column(name = "first_run_at")
    LocalDateTime firstRunAt;
    @Column(name = "last_run_at")
    LocalDateTime lastRunAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String region;
        String creditMonth;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.region, region) && Objects.equals(k.creditMonth, creditMonth);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, creditMonth);
        }
    }
}
