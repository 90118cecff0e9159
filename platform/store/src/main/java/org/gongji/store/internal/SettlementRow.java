package org.gongji.store.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A booked settlement: the visit, the breakdown, the accumulator delta to take back on reversal, the trace. */
@Entity
@Table(name = "gj_settlement")
public class SettlementRow {

    @Id
    String id;
    @Column(name = "person_id")
    String personId;
    @Column(name = "institution_id")
    String institutionId;
    String region;
    @Column(name = "visit_date")
    LocalDate visitDate;
    @Column(name = "med_type")
    String medType;
    @Column(name = "disease_code")
    String diseaseCode;
    @Column(name = "use_account")
    boolean useAccount;
    String status;

    @Column(name = "total_fen")
    long totalFen;
    @Column(name = "fully_self_paid_fen")
    long fullySelfPaidFen;
    @Column(name = "pre_self_paid_fen")
    long preSelfPaidFen;
    @Column(name = "in_scope_fen")
    long inScopeFen;
    @Column(name = "deductible_paid_fen")
    long deductiblePaidFen;
    @Column(name = "pool_ratio_bp")
    int poolRatioBp;
    @Column(name = "pool_paid_fen")
    long poolPaidFen;
    @Column(name = "over_cap_fen")
    long overCapFen;
    @Column(name = "critical_illness_paid_fen")
    long criticalIllnessPaidFen;
    @Column(name = "fund_paid_fen")
    long fundPaidFen;
    @Column(name = "personal_part_fen")
    long personalPartFen;
    @Column(name = "account_paid_fen")
    long accountPaidFen;
    @Column(name = "cash_paid_fen")
    long cashPaidFen;
    @Column(name = "account_balance_fen")
    long accountBalanceFen;

    @Column(name = "delta_year")
    int deltaYear;
    @Column(name = "delta_benefit")
    String deltaBenefit;
    @Column(name = "delta_deductible_fen")
    long deltaDeductibleFen;
    @Column(name = "delta_pool_fen")
    long deltaPoolFen;
    @Column(name = "delta_visits")
    int deltaVisits;
    @Column(name = "delta_fund_cap_fen")
    long deltaFundCapFen;
    @Column(name = "delta_ci_base_fen")
    long deltaCiBaseFen;
    @Column(name = "delta_ci_paid_fen")
    long deltaCiPaidFen;
    /** What the settlement added to named pools, see {@link PoolCodec}. */
    @Column(name = "delta_pools")
    String deltaPools;
    @Column(name = "separately_paid_fen")
    long separatelyPaidFen;
    /** PROVINCE or NATIONAL for a visit in another region (异地就医); null in the insured city. */
    @Column(name = "cross_region")
    String crossRegion;
    /** The visit in another region was filed beforehand (备案). */
    @Column(name = "filed")
    boolean filed;

    String trace;
    @Column(name = "booked_at")
    LocalDateTime bookedAt;
    @Column(name = "reversed_at")
    LocalDateTime reversedAt;
    @Column(name = "booked_by")
    String bookedBy;
    @Column(name = "reversed_by")
    String reversedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gj_settlement_line", joinColumns = @JoinColumn(name = "settlement_id"))
    @OrderColumn(name = "line_no")
    List<LineCell> lines = new ArrayList<>();

    /** One fee line of the visit. */
    @Embeddable
    public static class LineCell {
        String code;
        String name;
        @Column(name = "catalogue_class")
        String catalogueClass;
        @Column(name = "amount_fen")
        long amountFen;
        @Column(name = "pre_self_pay_bp")
        int preSelfPayBp;

        public LineCell() {
        }
    }
}
