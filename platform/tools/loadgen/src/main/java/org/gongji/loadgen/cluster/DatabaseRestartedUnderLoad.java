package org.gongji.loadgen.cluster;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/**
 * PostgreSQL restarted while clients settle through the balancer: both nodes serve again without
 * being restarted (same processes), and nothing acknowledged is lost.
 */
final class DatabaseRestartedUnderLoad implements Check {

    static final int CLIENTS = 8;
    static final int PERSONS_PER_CLIENT = 8;

    private final Fixtures fixtures;

    DatabaseRestartedUnderLoad(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @Override
    public String name() {
        return "PostgreSQL restarted under load: the nodes serve again without a restart, nothing acknowledged lost";
    }

    @Override
    public String run(Cluster cluster) throws Exception {
        Api api = cluster.api();
        String probePerson = fixtures.person("db-probe");
        long pidA = Cluster.pid(cluster.pidFileA());
        long pidB = Cluster.pid(cluster.pidFileB());
        SettlingLoad load = new SettlingLoad(api, cluster.balancer(),
                SettlingLoad.persons(fixtures, "db", CLIENTS, PERSONS_PER_CLIENT)).start();
        Thread.sleep(3000);
        int before = load.acknowledgedCount();
        long restartedAt = System.nanoTime();
        Cluster.run(cluster.restartDatabase());
        long[] backAfter = new long[2];
        for (int n = 0; n < 2; n++) {
            URI node = cluster.nodes().get(n);
            backAfter[n] = servesAgain(api, node, probePerson, restartedAt);
            CheckFailed.unless(backAfter[n] >= 0, "node " + (n == 0 ? "a" : "b") + " does not settle 60 s after the restart");
        }
        Thread.sleep(2000);
        load.stop();
        CheckFailed.unless(Cluster.alive(pidA) && pidA == Cluster.pid(cluster.pidFileA()), "node a was restarted");
        CheckFailed.unless(Cluster.alive(pidB) && pidB == Cluster.pid(cluster.pidFileB()), "node b was restarted");
        int retried = load.retries();
        load.verify(cluster.nodeA());
        return load.acknowledgedCount() + " settlements acknowledged (" + before + " before the restart), " + retried
                + " retries, nodes settling again " + backAfter[0] + " ms and " + backAfter[1] + " ms after the restart began";
    }

    /** Milliseconds from the restart until the node books a settlement sent to it directly; -1 after 60 s. */
    private static long servesAgain(Api api, URI node, String person, long since) {
        String key = UUID.randomUUID().toString();
        String visit = Fixtures.visit(person, 7, new BigDecimal("80.00"));
        while (System.nanoTime() - since < Duration.ofSeconds(60).toNanos()) {
            if (api.post(node, "/api/v1/settlements", visit, key).is(201)) {
                return Duration.ofNanos(System.nanoTime() - since).toMillis();
            }
            SettlingLoad.pause(200);
        }
        return -1;
    }
}
