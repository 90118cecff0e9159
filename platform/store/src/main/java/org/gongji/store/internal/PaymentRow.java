package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A family payment (家庭共济) from a personal account. */
@Entity
@Table(name = "gj_family_payment")
public class PaymentRow {

    @Id
    String id;
    @Column(name = "payer_person_id")
    String payerPersonId;
    @Column(name = "beneficiary_person_id")
    String beneficiaryPersonId;
    String relation;
    String purpose;
    @Column(name = "amount_fen")
    long amountFen;
    @Column(name = "payment_date")
    LocalDate paymentDate;
    @Column(name = "balance_after_fen")
    long balanceAfterFen;
    @Column(name = "rule_text")
    String ruleText;
    @Column(name = "citation_document")
    String citationDocument;
    @Column(name = "citation_clause")
    String citationClause;
    @Column(name = "citation_assumption")
    boolean citationAssumption;
    @Column(name = "booked_at")
    LocalDateTime bookedAt;
}
