package org.gongji.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.SettlementRequest;
import org.gongji.engine.SettlementResult;
import org.gongji.engine.registry.RegionRegistry;

/** Settles a table's scenarios in order, carrying each person's accumulators and balance forward. */
final class ScenarioRunner {

    /** A scenario and what the engine made of it: a result, or the refusal. */
    record Outcome(Scenario scenario, SettlementResult result, GongjiException error) {
    }

    private final RegionRegistry registry;
    private final SettlementEngine engine = new SettlementEngine();
    private final Map<String, YearToDate> accumulators = new HashMap<>();
    private final Map<String, Money> balances = new HashMap<>();

    ScenarioRunner(RegionRegistry registry) {
        this.registry = registry;
    }

    List<Outcome> run(List<Scenario> scenarios) {
        List<Outcome> outcomes = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
            if (s.balanceBefore() != null) {
                balances.put(s.personId(), s.balanceBefore());
            }
            try {
                Region region = registry.rulesFor(s.person().region(), s.visit().date());
                SettlementResult result = engine.settle(new SettlementRequest(s.person(), s.visit(), region,
                        accumulators.get(s.personId()), balances.getOrDefault(s.personId(), Money.ZERO), s.useAccount()));
                accumulators.put(s.personId(), result.yearToDate());
                balances.put(s.personId(), result.breakdown().accountBalance());
                outcomes.add(new Outcome(s, result, null));
            } catch (GongjiException e) {
                outcomes.add(new Outcome(s, null, e));
            }
        }
        return outcomes;
    }
}
