package org.gongji.loadgen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gongji.rules.StandardRegion;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.store.NewClient;
import org.gongji.store.OpenStore;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.Stores;
import org.gongji.store.WriteContext;

/**
 * What checking a bearer token costs a request, alone: {@code ClientDirectory.authenticate} (one
 * SHA-256, one map lookup, the expiry) among {@code clients} clients, one thread, after a warm-up.
 *
 * <pre>
 * java -cp ... org.gongji.loadgen.TokenCheck [clients 1000] [seconds 10]
 * </pre>
 */
public final class TokenCheck {

    private TokenCheck() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("gongji-token-check-");
        try (OpenStore store = Stores.open(StoreConfig.derby(dir.resolve("data")), new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt")))) {
            String[] tokens = new String[clients];
            for (int i = 0; i < clients; i++) {
                tokens[i] = store.clients().create(NewClient.of("client " + i, Role.BUREAU, "410800", null),
                        WriteContext.by("token check")).token();
            }
            long found = 0;
            long end = System.nanoTime() + 3_000_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                found += store.clients().authenticate(tokens[i % clients]).isPresent() ? 1 : 0;
            }
            found = found > 0 ? 0 : -1; // the warm-up's checks count no more
            long n = 0;
            long start = System.nanoTime();
            end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    found += store.clients().authenticate(tokens[(int) (n++ % clients)]).isPresent() ? 1 : 0;
                }
            }
            double nanos = (System.nanoTime() - start) / (double) n;
            System.out.printf(Locale.ROOT, "authenticate: %.0f ns per token (%,d checks among %d clients, %,d accepted)%n",
                    nanos, n, clients, found);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
