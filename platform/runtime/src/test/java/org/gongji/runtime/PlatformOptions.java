package org.gongji.runtime;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import org.ops4j.pax.exam.Option;

/**
 * The bundles of the platform as the distribution starts them, for Pax Exam. Our own bundles
 * (and the third-party ones) come by file from the reactor: Failsafe passes their paths as
 * system properties {@code gongji.bundle.*} and {@code gongji.region.*}, so nothing needs to be
 * installed in the local Maven repository.
 */
public final class PlatformOptions {

    private PlatformOptions() {
    }

    public static Option[] platform() {
        return options(
                workingDirectory(path("gongji.work")),
                cleanCaches(true),
                frameworkProperty("ds.loglevel").value("warn"),
                // the folder the runtime checks for jars no framework can install (FileInstall's, in the distribution)
                frameworkProperty("felix.fileinstall.dir").value(deployFolder()),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("INFO"),
                bundle(url("gongji.bundle.function")),
                bundle(url("gongji.bundle.promise")),
                bundle(url("gongji.bundle.component")),
                bundle(url("gongji.bundle.scr")),
                bundle(url("gongji.bundle.configadmin")),
                bundle(url("gongji.bundle.api")),
                bundle(url("gongji.bundle.rules")),
                bundle(url("gongji.bundle.engine")),
                bundle(url("gongji.bundle.runtime")),
                bundle(url("gongji.bundle.bytebuddy")),
                bundle(url("gongji.bundle.assertj")),
                junitBundles());
    }

    private static String deployFolder() {
        File deploy = new File(path("gongji.work"), "deploy");
        deploy.mkdirs();
        for (File f : deploy.listFiles()) {
            f.delete();
        }
        return deploy.getAbsolutePath();
    }

    /** The file of a bundle the build passed in, e.g. {@code gongji.region.jiaozuo}. */
    public static File file(String property) {
        File f = new File(path(property));
        if (!f.isFile()) {
            throw new IllegalStateException(property + " is not a file: " + f + " (run the tests with mvn verify)");
        }
        return f;
    }

    private static String url(String property) {
        return file(property).toURI().toString();
    }

    private static String path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run the tests with mvn verify)");
        }
        return value;
    }
}
