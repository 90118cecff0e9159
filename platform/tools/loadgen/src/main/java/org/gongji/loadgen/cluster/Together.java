package org.gongji.loadgen.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs clients at once: each starts when all are ready, so that their requests meet at the nodes. */
final class Together {

    private Together() {
    }

    static <T> List<T> run(int clients, IntFunction<Callable<List<T>>> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Callable<List<T>> work = client.apply(c);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
