package org.gongji.loadgen.cluster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongji.loadgen.cluster.Api.Answer;

/**
 * The same settlement with the same {@code Idempotency-Key} sent at once to both nodes, twice to
 * each, for several persons: every answer is the one settlement, and it is booked once.
 */
final class OneKeyAtBothNodes implements Check {

    static final int PERSONS = 12;
    static final int SENDS_PER_NODE = 2;

    private final Fixtures fixtures;

    OneKeyAtBothNodes(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public String name() {
        return "one Idempotency-Key sent at once to both nodes books once";
    }

    @Override
    public String run(Cluster cluster) throws Exception {
        Api api = cluster.api();
        int replays = 0;
        for (int p = 0; p < PERSONS; p++) {
            String person = fixtures.person("key-" + p);
            String key = UUID.randomUUID().toString();
            String visit = Fixtures.visit(person, 10, new BigDecimal("150.00"));
            List<Answer> answers = Together.run(2 * SENDS_PER_NODE, c -> () -> List.of(
                    api.post(cluster.nodes().get(c % 2), "/api/v1/settlements", visit, key)));
            Set<String> ids = new HashSet<>();
            List<String> firsts = new ArrayList<>();
            for (Answer a : answers) {
                CheckFailed.unless(a.is(201), "key " + key + " answered " + a);
                ids.add(a.text("settlementId"));
                if (a.replayed() == null) {
                    firsts.add(a.text("settlementId"));
                } else {
                    replays++;
                }
            }
            CheckFailed.unless(ids.size() == 1, "key " + key + " answered settlements " + ids);
            CheckFailed.unless(firsts.size() == 1, "key " + key + " was answered as booked (not replayed) "
                    + firsts.size() + " times");
            Answer acc = Api.expect(api.get(cluster.nodeA(), "/api/v1/persons/" + person + "/accumulators?year="
                    + Fixtures.YEAR), 200, "accumulators");
            int visits = acc.body().path("benefits").path("GENERAL_OUTPATIENT").path("visits").asInt();
            CheckFailed.unless(visits == 1, "key " + key + " booked " + visits + " visits");
            CheckFailed.unless(acc.body().path("benefits").path("GENERAL_OUTPATIENT").path("poolPaid").decimalValue()
                    .compareTo(answers.get(0).money("poolPaid")) == 0, "accumulators " + acc + " for one settlement "
                    + answers.get(0));
        }
        return PERSONS + " keys x " + 2 * SENDS_PER_NODE + " sends: one settlement each, " + replays + " replays";
    }
}
