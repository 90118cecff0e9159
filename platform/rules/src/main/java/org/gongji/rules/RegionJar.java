package org.gongji.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.gongji.rules.vocabulary.Vocabulary;

/**
 * A data-only region jar: a bundle whose manifest names its table ({@code Gongji-Region:
 * rules/410800-jiaozuo.txt}) and carries no Java. Read here outside OSGi (tests, the filing check,
 * the command-line tools); in the runtime the extender reads it.
 */
public final class RegionJar {

    /** The manifest header naming the table inside the jar. */
    public static final String HEADER = "Gongji-Region";

    private RegionJar() {
    }

    /** The table a jar or classes folder names in its manifest, if it is a region jar. */
    public static Optional<String> tableOf(Path location) {
        Manifest manifest = manifest(location);
        if (manifest == null) {
            return Optional.empty();
        }
        String table = manifest.getMainAttributes().getValue(HEADER);
        return table == null || table.isBlank() ? Optional.empty() : Optional.of(table.strip());
    }

    /** The region of a region jar or of its classes folder, its table checked against the vocabulary. */
    public static StandardRegion read(Path location) {
        String table = tableOf(location).orElseThrow(() -> new IllegalArgumentException(
                location + " is not a region jar: its manifest has no " + HEADER + " header"));
        return new StandardRegion(StandardRegion.table(entry(location, table), table, Vocabulary.standard()));
    }

    private static URL entry(Path location, String table) {
        String path = table.startsWith("/") ? table.substring(1) : table;
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(path);
                return Files.isRegularFile(file) ? file.toUri().toURL() : null;
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                if (jar.getEntry(path) == null) {
                    return null;
                }
            }
            return URI.create("jar:" + location.toUri() + "!/" + path).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    private static Manifest manifest(Path location) {
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(JarFile.MANIFEST_NAME);
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return new Manifest(in);
                }
            }
            if (!Files.isRegularFile(location)) {
                return null;
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + location, e);
        }
    }
}
