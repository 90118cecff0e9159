package org.gongji.loadgen.cluster;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongji.loadgen.cluster.Api.Answer;

/**
 * 16 clients at each node settle visits of one person at once, more than the annual
 * general-outpatient cap allows: the pool pays the cap exactly, never more, and the person's
 * accumulators are the sum of what was booked. Without a lock both nodes respect, two nodes would
 * each see room under the cap and pay it twice.
 */
final class CapAcrossNodes implements Check {

    static final int CLIENTS_PER_NODE = 16;
    static final int VISITS_PER_CLIENT = 3;
    /** pays (250.50 - 50.00) x 50 % = 100.25 from the pool: 13 visits pass the cap, 96 are sent */
    static final BigDecimal AMOUNT = new BigDecimal("250.50");

    private final Fixtures fixtures;

    CapAcrossNodes(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public String name() {
        return "2 nodes x 16 clients settle one person past the annual outpatient cap: the pool pays the cap exactly,"
                + " the accumulators equal the booked settlements";
    }

    @Override
    public String run(Cluster cluster) throws Exception {
        Api api = cluster.api();
        String person = fixtures.person("cap");
        BigDecimal cap = cap(api, cluster.nodeA());
        List<Answer> answers = Together.run(2 * CLIENTS_PER_NODE, c -> () -> {
            URI node = cluster.nodes().get(c % 2);
            List<Answer> mine = new ArrayList<>();
            for (int v = 0; v < VISITS_PER_CLIENT; v++) {
                mine.add(api.post(node, "/api/v1/settlements", Fixtures.visit(person, 1 + (c + v) % 28, AMOUNT),
                        UUID.randomUUID().toString()));
            }
            return mine;
        });
        BigDecimal pooled = BigDecimal.ZERO.setScale(2);
        BigDecimal deductible = BigDecimal.ZERO.setScale(2);
        BigDecimal overCap = BigDecimal.ZERO.setScale(2);
        for (Answer a : answers) {
            CheckFailed.unless(a.is(201), "a settlement answered " + a);
            pooled = pooled.add(a.money("poolPaid"));
            deductible = deductible.add(a.money("deductiblePaid"));
            overCap = overCap.add(a.money("overCapSelfPaid"));
        }
        CheckFailed.unless(pooled.compareTo(cap) == 0, "the pool paid " + pooled + " in " + answers.size()
                + " settlements, the cap is " + cap);
        CheckFailed.unless(overCap.signum() > 0, "no settlement was past the cap (overCapSelfPaid 0)");
        Answer acc = Api.expect(api.get(cluster.nodeB(), "/api/v1/persons/" + person + "/accumulators?year=" + Fixtures.YEAR),
                200, "accumulators");
        var usage = acc.body().path("benefits").path("GENERAL_OUTPATIENT");
        CheckFailed.unless(usage.path("poolPaid").decimalValue().compareTo(pooled) == 0, "accumulated pool pay "
                + usage.path("poolPaid") + ", booked " + pooled);
        CheckFailed.unless(usage.path("deductiblePaid").decimalValue().compareTo(deductible) == 0,
                "accumulated deductible " + usage.path("deductiblePaid") + ", booked " + deductible);
        CheckFailed.unless(usage.path("visits").asInt() == answers.size(), "accumulated visits " + usage.path("visits")
                + ", booked " + answers.size());
        return answers.size() + " settlements booked, pool paid " + pooled + " = cap " + cap;
    }

    /** The employed general-outpatient cap in force on the visits' date, as the region's rules say. */
    static BigDecimal cap(Api api, URI node) {
        Answer rules = Api.expect(api.get(node, "/api/v1/regions/" + Fixtures.REGION + "/rules?date=" + Fixtures.YEAR + "-03-01"),
                200, "rules of " + Fixtures.REGION);
        for (var p : rules.body().path("parameters")) {
            if ("outpatient.cap.employed".equals(p.path("key").asText())) {
                return new BigDecimal(p.path("value").asText()).setScale(2);
            }
        }
        throw new CheckFailed("no outpatient.cap.employed in " + rules);
    }
}
