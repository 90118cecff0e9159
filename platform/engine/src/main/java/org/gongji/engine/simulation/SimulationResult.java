package org.gongji.engine.simulation;

import org.gongji.api.money.Money;

/**
 * A simulation's outcome: the current rules and the draft over the same claims.
 *
 * @param booked how the baseline compares with what was booked (for booked claims)
 */
public record SimulationResult(long persons, Figures baseline, Figures draft, Reproduction booked) {

    /**
     * Whether settling the booked claims again under the current rules gives what the counter booked.
     * A person differs where a settlement was reversed after a later one of the same person had been
     * booked: the later one was computed on accumulators that still held the reversed one.
     *
     * @param claimsCompared booked claims settled again
     * @param poolPaidBooked the pooled-fund pay as booked
     * @param poolPaidBaseline the pooled-fund pay settled again under the current rules
     * @param personsDiffering persons with at least one claim whose pooled-fund pay differs
     */
    public record Reproduction(long claimsCompared, Money poolPaidBooked, Money poolPaidBaseline, long personsDiffering) {

        public boolean exact() {
            return personsDiffering == 0 && poolPaidBooked.equals(poolPaidBaseline);
        }
    }
}
