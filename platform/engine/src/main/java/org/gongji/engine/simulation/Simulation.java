package org.gongji.engine.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.Breakdown;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.SettlementRequest;
import org.gongji.engine.SettlementResult;

/**
 * Fund simulation (基金测算): settles the same claims under the rules in force and under a draft, person
 * by person in visit order with the accumulators as they evolve, the way the counter did, and sums
 * both sides. Persons are independent, so they are settled in parallel. Pure: books nothing.
 *
 * <p>A person's account balance is the one booked before each visit, moved by what the draft pays
 * from the account differently on the person's earlier visits; uploaded visits do not use the account.
 */
public final class Simulation {

    private static final Comparator<Claim> VISIT_ORDER =
            Comparator.comparing((Claim c) -> c.visit().date()).thenComparingLong(Claim::order);

    private final SettlementEngine engine = new SettlementEngine();

    public SimulationResult run(List<Claim> claims, Region baseline, Region draft) {
        Map<String, List<Claim>> byPerson = claims.stream().collect(Collectors.groupingBy(c -> c.person().id()));
        Sides sides = byPerson.values().parallelStream().collect(Sides::new, (s, own) -> s.add(own, baseline, draft),
                Sides::merge);
        return new SimulationResult(byPerson.size(), sides.baseline.figures(), sides.draft.figures(),
                new SimulationResult.Reproduction(sides.compared, Money.ofFen(sides.bookedPool),
                        Money.ofFen(sides.baselinePoolOfBooked), sides.personsDiffering));
    }

    private final class Sides {
        final Tally baseline = new Tally();
        final Tally draft = new Tally();
        long compared;
        long bookedPool;
        long baselinePoolOfBooked;
        long personsDiffering;

        void add(List<Claim> own, Region baselineRules, Region draftRules) {
            List<Claim> ordered = new ArrayList<>(own);
            ordered.sort(VISIT_ORDER);
            boolean differs = false;
            List<Breakdown> baselineOut = settleYear(ordered, baselineRules, baseline);
            settleYear(ordered, draftRules, draft);
            for (int i = 0; i < ordered.size(); i++) {
                Breakdown booked = ordered.get(i).booked();
                if (booked == null) {
                    continue;
                }
                compared++;
                bookedPool += booked.poolPaid().fen();
                Breakdown again = baselineOut.get(i);
                baselinePoolOfBooked += again == null ? 0 : again.poolPaid().fen();
                differs |= again == null || !again.poolPaid().equals(booked.poolPaid());
            }
            if (differs) {
                personsDiffering++;
            }
        }

        /** Settles one person's visits in order; the breakdown of each, null where the rules refused it. */
        private List<Breakdown> settleYear(List<Claim> ordered, Region rules, Tally tally) {
            Tally.PersonYear year = tally.person();
            List<Breakdown> out = new ArrayList<>(ordered.size());
            YearToDate ytd = null;
            long accountShift = 0;
            for (Claim claim : ordered) {
                Money balance = claim.accountBalanceBefore().plus(Money.ofFen(accountShift));
                try {
                    SettlementResult r = engine.settle(new SettlementRequest(claim.person(), claim.visit(), rules, ytd,
                            balance, claim.useAccount()));
                    ytd = r.yearToDate();
                    year.settled(claim, r.delta().benefit(), r.breakdown());
                    if (claim.booked() != null) {
                        accountShift += claim.booked().accountPaid().fen() - r.breakdown().accountPaid().fen();
                    }
                    out.add(r.breakdown());
                } catch (GongjiException refused) {
                    year.refused(refused.code().name());
                    if (claim.booked() != null) {
                        accountShift += claim.booked().accountPaid().fen();
                    }
                    out.add(null);
                }
            }
            year.close();
            return out;
        }

        Sides merge(Sides other) {
            baseline.merge(other.baseline);
            draft.merge(other.draft);
            compared += other.compared;
            bookedPool += other.bookedPool;
            baselinePoolOfBooked += other.baselinePoolOfBooked;
            personsDiffering += other.personsDiffering;
            return this;
        }
    }
}
