package org.gongji.store;

import java.util.Optional;
import org.gongji.api.spi.benefit.YearToDate;

/** 预结算, 结算, 撤销, and the accumulators they move. */
public interface SettlementService {

    /** Computes what {@link #settle} would book now, and books nothing. */
    SettlementRecord preview(SettlementCommand command);

    /** Settles and books the result in one transaction: settlement, accumulators, account entry. */
    Booked<SettlementRecord> settle(SettlementCommand command, WriteContext context);

    Optional<SettlementRecord> settlement(String settlementId);

    /**
     * Takes back exactly what the settlement booked (accumulators, account) and marks it reversed.
     *
     * @throws org.gongji.api.error.GongjiException {@code ALREADY_REVERSED} the second time
     */
    Booked<SettlementRecord> reverse(String settlementId, WriteContext context);

    /** Whether the institution has booked a settlement (reversed or not) for the person. */
    boolean hasSettled(String personId, String institutionId);

    /** What the person has used in the year; an empty year when nothing was booked. */
    YearToDate accumulators(String personId, int year);
}
