package org.gongji.runtime;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Another build of a region bundle: its parameter table or manifest rewritten, as a bureau's next release would be. */
final class RegionJars {

    private final File original;
    private String version;
    private String extraImport;
    private String tableEntry;
    private UnaryOperator<String> table = UnaryOperator.identity();

    private RegionJars(File original) {
        this.original = original;
    }

    static RegionJars from(File original) {
        return new RegionJars(original);
    }

    RegionJars version(String bundleVersion) {
        this.version = bundleVersion;
        return this;
    }

    /** Rewrites the table found at {@code entry} (e.g. {@code rules/410800-jiaozuo.txt}). */
    RegionJars table(String entry, UnaryOperator<String> rewrite) {
        this.tableEntry = entry;
        this.table = rewrite;
        return this;
    }

    /** Adds an import no bundle exports, so that the bundle cannot resolve. */
    RegionJars importing(String missingPackage) {
        this.extraImport = missingPackage;
        return this;
    }

    /** Replaces the value of one key in the table, wherever its entries are. */
    static UnaryOperator<String> value(String key, String from, String to) {
        return text -> {
            String replaced = text.replaceAll("(?m)^(" + java.util.regex.Pattern.quote(key) + "\\s*\\|\\s*)" + java.util.regex.Pattern.quote(from),
                    "$1" + to);
            if (replaced.equals(text)) {
                throw new IllegalStateException(key + " = " + from + " not found in the table");
            }
            return replaced;
        };
    }

    File writeTo(File folder, String name) throws IOException {
        folder.mkdirs();
        File target = new File(folder, name);
        try (JarFile jar = new JarFile(original); OutputStream file = Files.newOutputStream(target.toPath())) {
            Manifest manifest = new Manifest(jar.getManifest());
            Attributes main = manifest.getMainAttributes();
            if (version != null) {
                main.putValue("Bundle-Version", version);
            }
            if (extraImport != null) {
                String imports = main.getValue("Import-Package");
                main.putValue("Import-Package", imports == null ? extraImport : imports + "," + extraImport);
            }
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream in = jar.getInputStream(e)) {
                        byte[] bytes = in.readAllBytes();
                        if (e.getName().equals(tableEntry)) {
                            bytes = table.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                        }
                        out.write(bytes);
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    static byte[] bytes(File f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Files.copy(f.toPath(), out);
        return out.toByteArray();
    }
}
