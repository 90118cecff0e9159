package org.gongji.store.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "gj_person")
public class PersonRow {

    @Id
    String id;
    String name;
    String region;
    @Column(name = "birth_date")
    LocalDate birthDate;
    String category;
    @Column(name = "retirement_date")
    LocalDate retirementDate;
    @Column(name = "contribution_base_fen")
    long contributionBaseFen;
    @Column(name = "family_doctor_institution_id")
    String familyDoctorInstitutionId;
    @Column(name = "updated_at")
    LocalDateTime updatedAt;
    /** The first day of the version held on this row (category, retirement date, base, family); earlier versions in gj_person_version. */
    @Column(name = "version_from")
    LocalDate versionFrom;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gj_family_member", joinColumns = @JoinColumn(name = "person_id"))
    List<FamilyCell> family = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gj_chronic_recognition", joinColumns = @JoinColumn(name = "person_id"))
    List<RecognitionCell> chronicDiseases = new ArrayList<>();

    /** One recognition (认定) of a chronic or special disease, from a date and optionally until one. */
    @Embeddable
    public static class RecognitionCell {
        @Column(name = "disease_code")
        String diseaseCode;
        @Column(name = "recognised_from")
        LocalDate from;
        @Column(name = "recognised_to")
        LocalDate to;

        public RecognitionCell() {
        }

        RecognitionCell(String diseaseCode, LocalDate from, LocalDate to) {
            this.diseaseCode = diseaseCode;
            this.from = from;
            this.to = to;
        }
    }

    /** One declared close family member. */
    @Embeddable
    public static class FamilyCell {
        @Column(name = "member_person_id")
        String memberPersonId;
        String relation;

        public FamilyCell() {
        }

        FamilyCell(String memberPersonId, String relation) {
            this.memberPersonId = memberPersonId;
            this.relation = relation;
        }
    }
}
