package org.gongji.store;

import java.util.Map;
import java.util.function.Function;

/**
 * One precedence rule for every setting of the platform: the environment variable
 * {@code GONGJI_*} &gt; the Config Admin configuration of the component's PID (a {@code .cfg} in
 * {@code deploy/}) &gt; the launcher's framework property ({@code conf/config.properties},
 * {@code -Dgongji.*}) &gt; the built-in default. A blank value counts as not set.
 */
public final class Settings {

    private final Map<String, ?> configuration;
    private final Function<String, String> framework;
    private final Map<String, String> environment;

    /**
     * @param configuration the component's configuration properties (Config Admin), no defaults merged in
     * @param framework the launcher's framework properties, e.g. {@code BundleContext::getProperty}
     * @param environment the process environment
     */
    public Settings(Map<String, ?> configuration, Function<String, String> framework, Map<String, String> environment) {
        this.configuration = configuration;
        this.framework = framework;
        this.environment = environment;
    }

    /** The value of {@code key}, by the rule; {@code fallback} when no source sets it. */
    public String string(Setting setting) {
        String fromEnv = environment.get(setting.env());
        if (set(fromEnv)) {
            return fromEnv.trim();
        }
        Object configured = configuration.get(setting.key());
        if (configured != null && set(configured.toString())) {
            return configured.toString().trim();
        }
        String launcher = setting.property() == null ? null : framework.apply(setting.property());
        if (set(launcher)) {
            return launcher.trim();
        }
        return setting.fallback();
    }

    public int integer(Setting setting) {
        String value = string(setting);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " (" + setting.env() + ") is no whole number: " + value, e);
        }
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * One setting.
     *
     * @param key the key in the component's configuration (PID)
     * @param env the environment variable
     * @param property the launcher's framework property, or null
     * @param fallback the built-in default
     */
    public record Setting(String key, String env, String property, String fallback) {
    }
}
