package org.gongji.loadgen.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongji.loadgen.cluster.Api.Answer;

/**
 * 16 clients at each node pay a spouse's medical cost (家庭共济) from one account at once, more
 * often than its balance allows: what was paid is what left the account, the balance never goes
 * below zero, every refusal is INSUFFICIENT_BALANCE, and the ledger sums to the balance.
 */
final class AccountDrainedAcrossNodes implements Check {

    static final int CLIENTS_PER_NODE = 16;
    static final int PAYMENTS_PER_CLIENT = 2;
    /** 120.00 credited for a month: 40 payments of 3.00 drain it, 64 are sent */
    static final BigDecimal AMOUNT = new BigDecimal("3.00");

    private final Fixtures fixtures;

    AccountDrainedAcrossNodes(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public String name() {
        return "one account drained by family payments from both nodes: never below zero, the ledger sums to the balance";
    }

    @Override
    public String run(Cluster cluster) throws Exception {
        Api api = cluster.api();
        String spouse = fixtures.person("drain-spouse");
        String payer = fixtures.personWithSpouse("drain-payer", spouse);
        fixtures.creditMonth(Fixtures.YEAR + "-01");
        BigDecimal before = balance(api, cluster.nodeA(), payer).path("balance").decimalValue().setScale(2);
        CheckFailed.unless(before.signum() > 0, "the payer's account holds " + before + " after crediting");
        String body = "{\"beneficiaryPersonId\":\"" + spouse + "\",\"purpose\":\"MEDICAL_COST\",\"amount\":"
                + AMOUNT.toPlainString() + "}";
        List<Answer> answers = Together.run(2 * CLIENTS_PER_NODE, c -> () -> {
            URI node = cluster.nodes().get(c % 2);
            List<Answer> mine = new ArrayList<>();
            for (int p = 0; p < PAYMENTS_PER_CLIENT; p++) {
                mine.add(api.post(node, "/api/v1/persons/" + payer + "/account/payments", body, UUID.randomUUID().toString()));
            }
            return mine;
        });
        int paid = 0;
        for (Answer a : answers) {
            if (a.is(201)) {
                paid++;
                CheckFailed.unless(a.money("balance").signum() >= 0, "a payment left the balance at " + a.money("balance"));
            } else {
                CheckFailed.unless(a.status() / 100 == 4 && "INSUFFICIENT_BALANCE".equals(a.code()),
                        "a payment answered " + a);
            }
        }
        JsonNode account = balance(api, cluster.nodeB(), payer);
        BigDecimal after = account.path("balance").decimalValue().setScale(2);
        BigDecimal spent = AMOUNT.multiply(BigDecimal.valueOf(paid));
        CheckFailed.unless(after.signum() >= 0, "the balance is " + after);
        CheckFailed.unless(before.subtract(spent).compareTo(after) == 0, paid + " payments of " + AMOUNT + " from "
                + before + " left " + after);
        CheckFailed.unless(after.compareTo(AMOUNT) < 0, "payments were refused while " + after + " was left");
        BigDecimal ledger = BigDecimal.ZERO.setScale(2);
        BigDecimal running = BigDecimal.ZERO.setScale(2);
        int payments = 0;
        for (JsonNode e : account.path("entries")) {
            running = running.add(e.path("amount").decimalValue());
            ledger = ledger.add(e.path("amount").decimalValue());
            CheckFailed.unless(e.path("balanceAfter").decimalValue().compareTo(running) == 0, "entry " + e + " says "
                    + e.path("balanceAfter") + " after, the entries before it sum to " + running);
            CheckFailed.unless(running.signum() >= 0, "the ledger went below zero at " + e);
            if (e.path("amount").decimalValue().signum() < 0) {
                payments++;
            }
        }
        CheckFailed.unless(ledger.compareTo(after) == 0, "the ledger sums to " + ledger + ", the balance is " + after);
        CheckFailed.unless(payments == paid, "the ledger has " + payments + " debits, " + paid + " payments were answered 201");
        return answers.size() + " payments sent, " + paid + " paid, " + (answers.size() - paid)
                + " refused INSUFFICIENT_BALANCE, " + before + " -> " + after;
    }

    private static JsonNode balance(Api api, URI node, String person) {
        return Api.expect(api.get(node, "/api/v1/persons/" + person + "/account"), 200, "account of " + person).body();
    }
}
