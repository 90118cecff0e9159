package org.gongji.payment;

import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.engine.TraceEntry;

/**
 * What the fund pays one institution for the period under one method, and how that was reached.
 * A trace entry's amount is null where the step counts cases or points rather than money.
 */
public record InstitutionPayment(String institutionId, Money amount, List<TraceEntry> trace) {

    public InstitutionPayment {
        trace = List.copyOf(trace);
    }
}
