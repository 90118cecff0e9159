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

/**
 * A superseded version of what decides a person's benefits (category, retirement date, contribution
 * base, family), in force from {@code versionFrom} until the next version's date. The version in
 * force now lives on the person's row; each dated change moves the one it supersedes here.
 */
@Entity
@Table(name = "gj_person_version")
@IdClass(PersonVersionRow.Key.class)
public class PersonVersionRow {

    @Id
    @Column(name = "person_id")
    String personId;
    @Id
    @Column(name = "version_from")
    LocalDate versionFrom;
    String category;
    @Column(name = "retirement_date")
    LocalDate retirementDate;
    @Column(name = "contribution_base_fen")
    long contributionBaseFen;
    /** {@code memberId:RELATION} joined by {@code ;} (see {@link Rows#familyText}). */
    String family;
    @Column(name = "superseded_at")
    LocalDateTime supersededAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String personId;
        LocalDate versionFrom;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.personId, personId) && Objects.equals(k.versionFrom, versionFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, versionFrom);
        }
    }
}
