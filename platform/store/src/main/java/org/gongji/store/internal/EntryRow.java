package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

@Entity
@Table(name = "gj_account_entry")
@IdClass(EntryRow.Key.class)
public class EntryRow {

    @Id
    @Column(name = "person_id")
    String personId;
    @Id
    long seq;
    @Column(name = "entry_date")
    LocalDate entryDate;
    @Column(name = "amount_fen")
    long amountFen;
    String kind;
    String reference;
    String note;
    @Column(name = "balance_after_fen")
    long balanceAfterFen;
    @Column(name = "booked_at")
    LocalDateTime bookedAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String personId;
        long seq;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.personId, personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, seq);
        }
    }
}
