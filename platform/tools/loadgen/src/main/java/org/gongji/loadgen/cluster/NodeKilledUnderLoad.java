package org.gongji.loadgen.cluster;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gongji.loadgen.cluster.Api.Answer;

/**
 * Node b is killed with {@code kill -9} while clients settle through the balancer: nothing
 * answered 201 is lost or changed, retries with the same key book nothing twice, node a answers
 * every settlement sent to it directly while b is away, and b starts again and serves.
 */
final class NodeKilledUnderLoad implements Check {

    static final int CLIENTS = 8;
    static final int PERSONS_PER_CLIENT = 8;

    private final Fixtures fixtures;

    NodeKilledUnderLoad(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public String name() {
        return "kill -9 of one node under load through HAProxy: every 201 found with its amounts, retries book once,"
                + " the other node keeps serving, the killed node restarts and serves";
    }

    @Override
    public String run(Cluster cluster) throws Exception {
        Api api = cluster.api();
        String probePerson = fixtures.person("kill-probe");
        SettlingLoad load = new SettlingLoad(api, cluster.balancer(),
                SettlingLoad.persons(fixtures, "kill", CLIENTS, PERSONS_PER_CLIENT)).start();
        Thread.sleep(3000);
        long killed = Cluster.pid(cluster.pidFileB());
        Cluster.run(cluster.killB());
        long killedAt = System.nanoTime();
        int beforeKill = load.acknowledgedCount();

        // node a, asked directly, answers every settlement while b is away
        AtomicBoolean away = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicReference<Answer> refused = new AtomicReference<>();
        Thread probe = new Thread(() -> {
            while (away.get()) {
                Answer a = api.post(cluster.nodeA(), "/api/v1/settlements",
                        Fixtures.visit(probePerson, 5, new BigDecimal("70.00")), UUID.randomUUID().toString());
                if (a.is(201)) {
                    served.incrementAndGet();
                } else {
                    refused.compareAndSet(null, a);
                }
                SettlingLoad.pause(100);
            }
        }, "probe-a");
        probe.start();
        Thread.sleep(3000);
        CheckFailed.unless(!Cluster.alive(killed), "node b (pid " + killed + ") still runs after kill -9");
        Cluster.run(cluster.startB());
        boolean back = cluster.awaitReady(cluster.nodeB(), Duration.ofSeconds(180));
        long downSeconds = Duration.ofNanos(System.nanoTime() - killedAt).toSeconds();
        away.set(false);
        probe.join();
        CheckFailed.unless(back, "node b did not become ready again within 180 s of its start");
        Answer atB = api.post(cluster.nodeB(), "/api/v1/settlements", Fixtures.visit(probePerson, 6, new BigDecimal("70.00")),
                UUID.randomUUID().toString());
        Thread.sleep(2000); // the balancer takes b back
        load.stop();
        CheckFailed.unless(atB.is(201), "node b, started again, answered " + atB);
        CheckFailed.unless(refused.get() == null, "node a failed while b was away: " + refused.get());
        CheckFailed.unless(served.get() > 0, "node a answered no settlement while b was away");
        int retried = load.retries();
        load.verify(cluster.nodeA());
        return load.acknowledgedCount() + " settlements acknowledged (" + beforeKill + " before the kill), " + retried
                + " retries, node a served " + served.get() + " direct ones while b was away " + downSeconds + " s";
    }
}
