package org.gongji.loadgen.cluster;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongji.loadgen.cluster.Api.Answer;

/**
 * Clients settling through the balancer as an integrator should while something breaks: each
 * settlement has a key of its own, and a settlement that got no answer, or a 5xx, is sent again
 * with the same key and body until it is answered 201. Afterwards every acknowledged settlement
 * must be found as it was answered, and each person's accumulators must be the sum of them.
 */
final class SettlingLoad {

    /** A settlement answered 201: what the client was told. */
    record Acknowledged(String key, String body, String personId, String settlementId, Answer answer) {
    }

    static final String[] AMOUNTS = {"totalAmount", "poolPaid", "deductiblePaid", "fundPaid", "personalPart",
            "accountPaid", "cashPaid", "overCapSelfPaid"};
    private static final long RETRY_FOR_NANOS = 120_000_000_000L;

    private final Api api;
    private final URI target;
    private final List<List<String>> personsOfClient;
    private final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    SettlingLoad(Api api, URI target, List<List<String>> personsOfClient) {
        this.api = api;
        this.target = target;
        this.personsOfClient = personsOfClient;
    }

    /** {@code clients} lists of {@code perClient} persons, registered. */
    static List<List<String>> persons(Fixtures fixtures, String name, int clients, int perClient) {
        List<List<String>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int p = 0; p < perClient; p++) {
                mine.add(fixtures.person(name + "-" + c + "-" + p));
            }
            all.add(mine);
        }
        return all;
    }

    SettlingLoad start() {
        for (List<String> persons : personsOfClient) {
            Thread t = new Thread(() -> settle(persons), "settling-" + threads.size());
            threads.add(t);
            t.start();
        }
        return this;
    }

    private void settle(List<String> persons) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (!stop.get()) {
            String person = persons.get(r.nextInt(persons.size()));
            String body = Fixtures.visit(person, 1 + r.nextInt(28), BigDecimal.valueOf(6000 + r.nextInt(10000), 2));
            String key = UUID.randomUUID().toString();
            Answer a = settleUntilAnswered(body, key);
            if (a.is(201)) {
                acknowledged.add(new Acknowledged(key, body, person, a.text("settlementId"), a));
            } else {
                problems.add("key " + key + " was answered " + a);
            }
        }
    }

    /**
     * Sends the settlement until it is answered: no answer (the connection failed) or a 5xx (the
     * node or the balancer could not serve it) is sent again with the same key and body, for up to
     * two minutes; the first other answer is returned.
     */
    private Answer settleUntilAnswered(String body, String key) {
        long first = System.nanoTime();
        while (true) {
            Answer a = api.post(target, "/api/v1/settlements", body, key);
            if ((a.status() != -1 && a.status() < 500) || System.nanoTime() - first > RETRY_FOR_NANOS) {
                return a;
            }
            retries.incrementAndGet();
            pause(200);
        }
    }

    /** Stops sending new settlements; those being retried finish first. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int retries() {
        return retries.get();
    }

    /**
     * Every acknowledged settlement is found booked with the amounts it was answered with; the
     * same key and body again answers the same settlement; each person's year holds exactly the
     * acknowledged settlements (a retry that booked twice would show as one visit too many).
     */
    void verify(URI node) {
        CheckFailed.unless(problems.isEmpty(), problems.size() + " settlements failed, first: "
                + (problems.isEmpty() ? "" : problems.get(0)));
        CheckFailed.unless(!acknowledged.isEmpty(), "no settlement was acknowledged");
        Map<String, BigDecimal> pooled = new HashMap<>();
        Map<String, Integer> visits = new HashMap<>();
        for (Acknowledged ack : acknowledged) {
            Answer found = Api.expect(api.get(node, "/api/v1/settlements/" + ack.settlementId()), 200,
                    "settlement " + ack.settlementId() + " answered 201");
            CheckFailed.unless("BOOKED".equals(found.text("status")), "settlement " + ack.settlementId() + " is "
                    + found.text("status"));
            for (String field : AMOUNTS) {
                CheckFailed.unless(found.money(field).compareTo(ack.answer().money(field)) == 0, "settlement "
                        + ack.settlementId() + " was answered with " + field + " " + ack.answer().money(field)
                        + ", is booked with " + found.money(field));
            }
            pooled.merge(ack.personId(), ack.answer().money("poolPaid"), BigDecimal::add);
            visits.merge(ack.personId(), 1, Integer::sum);
        }
        List<Acknowledged> sample = new ArrayList<>(acknowledged);
        Collections.shuffle(sample);
        for (Acknowledged ack : sample.subList(0, Math.min(100, sample.size()))) {
            Answer again = Api.expect(settleUntilAnswered(ack.body(), ack.key()), 201, "the same key again");
            CheckFailed.unless(ack.settlementId().equals(again.text("settlementId")), "key " + ack.key() + " answered "
                    + ack.settlementId() + " first, then " + again.text("settlementId"));
        }
        for (List<String> persons : personsOfClient) {
            for (String person : persons) {
                Answer acc = Api.expect(api.get(node, "/api/v1/persons/" + person + "/accumulators?year=" + Fixtures.YEAR),
                        200, "accumulators of " + person);
                var usage = acc.body().path("benefits").path("GENERAL_OUTPATIENT");
                int booked = usage.path("visits").asInt();
                CheckFailed.unless(booked == visits.getOrDefault(person, 0), person + " has " + booked
                        + " visits booked, " + visits.getOrDefault(person, 0) + " were acknowledged");
                BigDecimal sum = pooled.getOrDefault(person, BigDecimal.ZERO);
                CheckFailed.unless(usage.path("poolPaid").decimalValue().compareTo(sum) == 0, person + " has pool pay "
                        + usage.path("poolPaid") + " accumulated, " + sum + " acknowledged");
            }
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
