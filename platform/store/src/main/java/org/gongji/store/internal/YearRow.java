package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A person's accumulators for one year (YearToDate), one column per benefit and measure. */
@Entity
@Table(name = "gj_year_to_date")
@IdClass(YearRow.Key.class)
public class YearRow {

    @Id
    @Column(name = "person_id")
    String personId;
    @Id
    @Column(name = "year_no")
    int yearNo;
    @Column(name = "go_deductible_fen")
    long goDeductibleFen;
    @Column(name = "go_pool_fen")
    long goPoolFen;
    @Column(name = "go_visits")
    int goVisits;
    @Column(name = "co_deductible_fen")
    long coDeductibleFen;
    @Column(name = "co_pool_fen")
    long coPoolFen;
    @Column(name = "co_visits")
    int coVisits;
    @Column(name = "ip_deductible_fen")
    long ipDeductibleFen;
    @Column(name = "ip_pool_fen")
    long ipPoolFen;
    @Column(name = "ip_visits")
    int ipVisits;
    @Column(name = "fund_cap_used_fen")
    long fundCapUsedFen;
    @Column(name = "ci_base_fen")
    long ciBaseFen;
    @Column(name = "ci_paid_fen")
    long ciPaidFen;
    /** Named pools, see {@link PoolCodec}. */
    @Column(name = "pools")
    String pools;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String personId;
        int yearNo;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.yearNo == yearNo && Objects.equals(k.personId, personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, yearNo);
        }
    }
}
