package org.gongji.console;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files of the bureau's web console (业务管理控制台), shipped inside this bundle: nothing is loaded
 * from the internet at run time. The platform serves them under {@code /console/}.
 */
public final class ConsoleAssets {

    /** A file name of the console: no folders, no dots leading, one known extension. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(html|js|css|svg)");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private ConsoleAssets() {
    }

    /** The file, or empty where the name is not one of the console's files. */
    public static Optional<URL> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(ConsoleAssets.class.getResource("assets/" + name));
    }

    /** The media type of a file {@link #find} found. */
    public static String mediaType(String name) {
        return TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
    }
}
