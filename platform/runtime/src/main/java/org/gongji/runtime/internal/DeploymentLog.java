package org.gongji.runtime.internal;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongji.engine.registry.RegionDeployment;

/** One log line per region deployment that appears, changes status, or goes away. */
final class DeploymentLog {

    private static final System.Logger LOG = System.getLogger("org.gongji.runtime");

    private Map<String, String> previous = Map.of();

    void report(List<RegionDeployment> deployments) {
        Map<String, String> now = new LinkedHashMap<>();
        deployments.forEach(d -> now.put(d.code() + " " + d.bundleVersion(), line(d)));
        previous.forEach((key, line) -> {
            if (!now.containsKey(key)) {
                LOG.log(Level.INFO, "gone: " + line);
            }
        });
        now.forEach((key, line) -> {
            if (!line.equals(previous.get(key))) {
                LOG.log(Level.INFO, line);
            }
        });
        previous = now;
    }

    void audit(String message) {
        LOG.log(Level.INFO, message);
    }

    private static String line(RegionDeployment d) {
        String name = d.region().map(r -> " " + r.metadata().name()).orElse("");
        String problem = d.problem() == null ? "" : " - " + d.problem();
        if (d.code() == null) {
            return "deployment FAILED - " + d.problem();
        }
        return "region " + d.code() + name + " version " + d.bundleVersion() + " " + d.status()
                + " (conformance " + d.conformance().status() + ")" + problem;
    }
}
