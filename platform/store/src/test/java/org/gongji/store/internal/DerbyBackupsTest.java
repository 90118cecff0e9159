package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.store.StoreConfig;
import org.junit.jupiter.api.Test;

class DerbyBackupsTest {

    @Test
    void overPostgresqlTheBackupIsPgDumpsJob() {
        DerbyBackups backups = new DerbyBackups(StoreConfig.jdbc("jdbc:postgresql://db:5432/gongji", "gongji", "x"), null,
                Clock.systemUTC());

        assertThatThrownBy(() -> backups.backUp(null)).isInstanceOf(GongjiException.class)
                .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.BACKUP_USE_PG_DUMP);
    }
}
