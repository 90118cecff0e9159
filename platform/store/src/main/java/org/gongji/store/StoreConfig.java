package org.gongji.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store keeps its data: embedded Derby under {@code dataFolder} unless a JDBC URL
 * (PostgreSQL) is given.
 *
 * @param dataFolder the data folder; Derby's database lives in {@code dataFolder/db}
 * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/gongji}; null or blank for embedded Derby
 */
public record StoreConfig(Path dataFolder, String jdbcUrl, String user, String password) {

    public static final String DATA_ENV = "GONGJI_DATA";
    public static final String JDBC_URL_ENV = "GONGJI_JDBC_URL";
    public static final String JDBC_USER_ENV = "GONGJI_JDBC_USER";
    public static final String JDBC_PASSWORD_ENV = "GONGJI_JDBC_PASSWORD";

    public static StoreConfig derby(Path dataFolder) {
        return new StoreConfig(dataFolder, null, null, null);
    }

    public static StoreConfig jdbc(String jdbcUrl, String user, String password) {
        return new StoreConfig(null, jdbcUrl, user, password);
    }

    /** From {@code GONGJI_DATA} (default {@code data}) and the optional {@code GONGJI_JDBC_*} variables. */
    public static StoreConfig fromEnvironment(Map<String, String> env) {
        return new StoreConfig(Path.of(env.getOrDefault(DATA_ENV, "data")), env.get(JDBC_URL_ENV),
                env.get(JDBC_USER_ENV), env.get(JDBC_PASSWORD_ENV));
    }

    public boolean embedded() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }
}
