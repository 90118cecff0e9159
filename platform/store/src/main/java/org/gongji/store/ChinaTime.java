package org.gongji.store;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * "Today" is a date in China whatever zone the host runs in: the future-date check of visits, the
 * date of family payments and reversals, whether a month has begun, which rules are in force
 * today. One clock in the deployment's zone ({@code Asia/Shanghai} unless configured: environment
 * {@code GONGJI_ZONE} > configuration key {@code zone} of PID {@code org.gongji.store} > framework
 * property {@code gongji.zone}) dates everything; the store hands it out ({@link Store#clock()}).
 */
public final class ChinaTime {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final String ZONE_ENV = "GONGJI_ZONE";

    private ChinaTime() {
    }

    /** The system clock in the zone of {@link #zone}. */
    public static Clock clock(Map<String, String> env, String configured, String frameworkProperty) {
        return Clock.system(zone(env, configured, frameworkProperty));
    }

    /** The system clock in {@code GONGJI_ZONE}, else {@code Asia/Shanghai}. */
    public static Clock fromEnvironment() {
        return clock(System.getenv(), null, null);
    }

    /**
     * {@code GONGJI_ZONE}, else the configured zone, else the framework property, else {@code Asia/Shanghai}.
     *
     * @throws IllegalArgumentException for a zone id Java does not know
     */
    public static ZoneId zone(Map<String, String> env, String configured, String frameworkProperty) {
        for (String candidate : new String[] {env.get(ZONE_ENV), configured, frameworkProperty}) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return ZoneId.of(candidate.strip());
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("the zone " + candidate + " is no time-zone id (e.g. Asia/Shanghai)", e);
                }
            }
        }
        return DEFAULT_ZONE;
    }
}
