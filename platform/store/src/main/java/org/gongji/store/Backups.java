package org.gongji.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Online backups of the embedded Derby database while the platform books: Derby's
 * {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} copies a transaction-consistent database into a folder
 * under {@code <data>/backups/}, never elsewhere. On PostgreSQL the database server is backed up
 * with {@code pg_dump} instead.
 */
public interface Backups {

    /** The folder of the data folder that holds every backup. */
    String FOLDER = "backups";

    /**
     * Copies the database into {@code <data>/backups/<name>}; the copy's database is its
     * {@code db} folder (restore: put it in place of {@code <data>/db} while the platform is stopped).
     *
     * @param name one folder name of letters, digits, {@code . _ -} (at most 64, not {@code .} or
     *             {@code ..}); null: the date and time now, e.g. {@code 20261202-174501}
     * @throws org.gongji.api.error.GongjiException {@code INVALID_REQUEST} for another name,
     *         {@code BACKUP_EXISTS} when the folder exists, {@code BACKUP_USE_PG_DUMP} on PostgreSQL
     */
    Backup backUp(String name);

    /**
     * A backup made.
     *
     * @param folder where it is, absolute
     * @param bytes the size of the copy
     */
    record Backup(String name, Path folder, Instant startedAt, Instant finishedAt, long bytes) {
    }
}
