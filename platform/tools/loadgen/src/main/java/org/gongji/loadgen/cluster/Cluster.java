package org.gongji.loadgen.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The cluster under test: two nodes over one database, the balancer in front, and the commands
 * that kill and start node b and restart the database (written by run-test.sh).
 */
record Cluster(URI nodeA, URI nodeB, URI balancer, Api api, Path pidFileA, Path pidFileB, String killB, String startB,
        String restartDatabase) {

    List<URI> nodes() {
        return List.of(nodeA, nodeB);
    }

    /** Runs one of the commands and waits for it; a command that fails fails the check. */
    static void run(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = p.waitFor();
            CheckFailed.unless(exit == 0, command + " exited with " + exit);
        } catch (IOException e) {
            throw new CheckFailed(command + " did not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailed("interrupted while running " + command);
        }
    }

    /** Waits until the node's readiness answers 200; false after the time given. */
    boolean awaitReady(URI node, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.get(node, "/api/v1/health").is(200)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    static long pid(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            throw new CheckFailed("no pid in " + pidFile + ": " + e);
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
