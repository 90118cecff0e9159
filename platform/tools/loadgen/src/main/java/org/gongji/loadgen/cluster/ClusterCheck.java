package org.gongji.loadgen.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of {@code distribution/cluster/run-test.sh} against two running nodes over one
 * PostgreSQL database and a balancer in front of them. Prints one line per check and then
 * {@code N passed, M failed}; exits 1 when a check failed.
 *
 * <pre>
 * java -cp ... org.gongji.loadgen.cluster.ClusterCheck --node-a URL --node-b URL --balancer URL
 *     --token-file data/admin.token --pid-file-a FILE --pid-file-b FILE
 *     --kill-b COMMAND --start-b COMMAND --restart-database COMMAND [--only NAME,...]
 * </pre>
 */
public final class ClusterCheck {

    private ClusterCheck() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Api api = new Api(Files.readString(Path.of(required(options, "token-file"))).strip());
        Cluster cluster = new Cluster(URI.create(required(options, "node-a")), URI.create(required(options, "node-b")),
                URI.create(required(options, "balancer")), api, Path.of(required(options, "pid-file-a")),
                Path.of(required(options, "pid-file-b")), required(options, "kill-b"), required(options, "start-b"),
                required(options, "restart-database"));
        Fixtures fixtures = new Fixtures(api, cluster.nodeA());
        fixtures.hospital();
        List<Check> checks = List.of(new CapAcrossNodes(fixtures), new AccountDrainedAcrossNodes(fixtures),
                new OneKeyAtBothNodes(fixtures), new NodeKilledUnderLoad(fixtures), new DatabaseRestartedUnderLoad(fixtures));
        String only = options.getOrDefault("only", "");
        int passed = 0;
        int failed = 0;
        for (Check check : checks) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(check.getClass().getSimpleName())) {
                continue;
            }
            long start = System.nanoTime();
            try {
                String measured = check.run(cluster);
                passed++;
                System.out.printf("PASS %s (%.1f s): %s%n", check.name(), (System.nanoTime() - start) / 1e9, measured);
            } catch (CheckFailed e) {
                failed++;
                System.out.printf("FAIL %s (%.1f s): %s%n", check.name(), (System.nanoTime() - start) / 1e9, e.getMessage());
            } catch (Exception | AssertionError e) {
                failed++;
                System.out.printf("FAIL %s: %s%n", check.name(), e);
                e.printStackTrace(System.out);
            }
            System.out.flush();
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
