package org.gongji.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.gongji.api.spi.region.Region;
import org.gongji.rules.RegionJar;

/**
 * Finds regions the way the OSGi runtime will: a data-only region jar by the {@code Gongji-Region}
 * header of its manifest (the table it names), a region with code of its own by its Declarative
 * Services descriptors ({@code OSGI-INF/*.xml} providing {@link Region}), in a classes folder or jar.
 */
final class RegionDiscovery {

    private RegionDiscovery() {
    }

    /** The regions of a classes folder or bundle jar: its table if it is a data-only region jar, and its region components. */
    static List<Region> regionsIn(Path location, ClassLoader loader) {
        List<Region> regions = new ArrayList<>();
        if (RegionJar.tableOf(location).isPresent()) {
            regions.add(RegionJar.read(location));
        }
        for (String c : regionClassesIn(location)) {
            regions.add(instantiate(c, loader));
        }
        return regions;
    }

    /** The region classes declared in a classes folder or a bundle jar. */
    static List<String> regionClassesIn(Path location) {
        List<String> classes = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                Path dir = location.resolve("OSGI-INF");
                if (!Files.isDirectory(dir)) {
                    return classes;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
                    for (Path file : files) {
                        try (InputStream in = Files.newInputStream(file)) {
                            regionClass(ComponentDescriptor.read(in), classes);
                        }
                    }
                }
            } else if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith(".xml")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                regionClass(ComponentDescriptor.read(in), classes);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    /** Every classes folder and jar the class loader (or the JVM's class path) sees. */
    static Set<Path> classPath(ClassLoader loader) {
        Set<Path> paths = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    try {
                        paths.add(Path.of(url.toURI()));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: nothing to scan
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    static Region instantiate(String className, ClassLoader loader) {
        try {
            return (Region) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the region " + className + ": " + e, e);
        }
    }

    private static void regionClass(ComponentDescriptor d, List<String> classes) {
        if (d.services().contains(Region.class.getName()) && !d.implementation().isEmpty()) {
            classes.add(d.implementation());
        }
    }
}
