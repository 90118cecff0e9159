package org.gongji.runtime.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Looks at the jars of the watched {@code deploy/} folder (FileInstall's {@code felix.fileinstall.dir})
 * for the ones no framework can install: empty, truncated or corrupt files, and jars that are not
 * bundles. FileInstall only logs those in its own words; here each is reported as a failed
 * deployment (shown by {@code GET /api/v1/regions} and the log) until the file is fixed or removed.
 */
final class DeployFolderCheck {

    /** How often the folder is looked at. */
    static final long PERIOD_MILLIS = 2000;

    private record Seen(long size, long modified, String problem) {
    }

    private final Path folder;
    private final BiConsumer<Path, String> bad;
    private final Consumer<Path> fine;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gongji deploy folder check");
        t.setDaemon(true);
        return t;
    });

    DeployFolderCheck(Path folder, BiConsumer<Path, String> bad, Consumer<Path> fine) {
        this.folder = folder;
        this.bad = bad;
        this.fine = fine;
    }

    void open() {
        if (folder != null) {
            timer.scheduleWithFixedDelay(this::scan, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void close() {
        timer.shutdownNow();
    }

    synchronized void scan() {
        Set<Path> present = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : jars) {
                    present.add(jar);
                    look(jar);
                }
            } catch (IOException e) {
                // the folder went away meanwhile: nothing to report
            }
        }
        for (Path gone : Set.copyOf(seen.keySet())) {
            if (!present.contains(gone)) {
                Seen was = seen.remove(gone);
                if (was.problem() != null) {
                    fine.accept(gone);
                }
            }
        }
    }

    private void look(Path jar) {
        long size;
        long modified;
        try {
            size = Files.size(jar);
            modified = Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return;
        }
        Seen before = seen.get(jar);
        if (before != null && before.size() == size && before.modified() == modified) {
            return;
        }
        String problem = problem(jar, size);
        seen.put(jar, new Seen(size, modified, problem));
        if (problem != null) {
            bad.accept(jar, problem);
        } else if (before != null && before.problem() != null) {
            fine.accept(jar);
        }
    }

    /** Why the framework cannot install the file, or null. */
    static String problem(Path jar, long size) {
        if (size == 0) {
            return "deploy/" + jar.getFileName() + " is empty";
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return "deploy/" + jar.getFileName() + " has no manifest: not a bundle";
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "deploy/" + jar.getFileName() + " is not a bundle (no Bundle-SymbolicName in its manifest)";
            }
            // read every entry: a truncated jar may still show its manifest
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                try (var in = file.getInputStream(entries.nextElement())) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "deploy/" + jar.getFileName() + " is not a readable jar (corrupt or truncated: " + e.getMessage() + ")";
        }
    }
}
