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

/** A provider payment run: one live per region, method and period (a unique live key), with a row per institution. */
@Entity
@Table(name = "gj_payment_run")
public class PaymentRunRow {

    @Id
    String id;
    String region;
    @Column(name = "pay_method")
    String method;
    @Column(name = "period_label")
    String period;
    @Column(name = "period_from")
    LocalDate periodFrom;
    @Column(name = "period_to")
    LocalDate periodTo;
    @Column(name = "inputs_fingerprint")
    String inputsFingerprint;
    @Column(name = "rules_region")
    String rulesRegion;
    @Column(name = "total_fen")
    long totalFen;
    String trace;
    @Column(name = "ran_at")
    LocalDateTime ranAt;
    @Column(name = "run_status")
    String status;
    /** What the period's settlements were when the draft was computed: confirming checks they still are. */
    @Column(name = "settled_basis")
    String basis;
    @Column(name = "confirmed_at")
    LocalDateTime confirmedAt;
    @Column(name = "revoked_at")
    LocalDateTime revokedAt;
    /** region|method|period while the run is live (not revoked), unique; null once revoked. */
    @Column(name = "live_key")
    String liveKey;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gj_payment_line", joinColumns = @JoinColumn(name = "run_id"))
    List<LineCell> lines = new ArrayList<>();

    /** What one institution is paid in the run. */
    @Embeddable
    public static class LineCell {
        @Column(name = "institution_id")
        String institutionId;
        @Column(name = "amount_fen")
        long amountFen;
        String trace;

        public LineCell() {
        }
    }
}
