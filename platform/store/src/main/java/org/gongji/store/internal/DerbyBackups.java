package org.gongji.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.store.Backups;
import org.gongji.store.StoreConfig;

/** {@link Backups} by Derby's online backup; one backup at a time. */
final class DerbyBackups implements Backups {

    private static final Logger LOG = Logger.getLogger(DerbyBackups.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final StoreConfig config;
    private final DataSource direct;
    private final Clock clock;

    DerbyBackups(StoreConfig config, DataSource direct, Clock clock) {
        this.config = config;
        this.direct = direct;
        this.clock = clock;
    }

    @Override
    public synchronized Backup backUp(String name) {
        if (!config.embedded()) {
            throw new GongjiException(ErrorCode.BACKUP_USE_PG_DUMP, "this node books into PostgreSQL: back the database up"
                    + " with pg_dump on its server (README \"Operations\"), not through the platform");
        }
        String folderName = name == null ? LocalDateTime.now(clock).format(STAMP) : checked(name);
        Path backups = config.dataFolder().resolve(FOLDER).toAbsolutePath().normalize();
        Path target = backups.resolve(folderName).normalize();
        if (!target.getParent().equals(backups)) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a backup folder is one name under " + backups);
        }
        if (Files.exists(target)) {
            throw new GongjiException(ErrorCode.BACKUP_EXISTS, "the backup folder " + folderName + " exists already");
        }
        Instant started = clock.instant();
        try {
            Files.createDirectories(backups);
            try (Connection c = direct.getConnection();
                    CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toString());
                call.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the backup into " + target + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + backups, e);
        }
        Backup done = new Backup(folderName, target, started, clock.instant(), size(target));
        LOG.info("database backed up into " + target + " (" + done.bytes() + " bytes)");
        return done;
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a backup folder name is 1 to 64 of A-Z a-z 0-9 . _ -"
                    + " (not . or ..), not " + name);
        }
        return name;
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
