package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.gongji.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path tmp;

    @Test
    void anUndatedRecognitionOfVersion2IsKeptAsRecognisedSinceBirthByVersion9() throws SQLException {
        StoreConfig config = StoreConfig.derby(tmp.resolve("data"));
        DataSource ds = DataSources.open(config);
        try {
            Schema.migrate(ds, 2);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO gj_person (id, name, region, birth_date, category, contribution_base_fen, updated_at)"
                        + " VALUES ('P1', 'p', '410800', '1960-04-02', 'EMPLOYED', 0, CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO gj_chronic_disease (person_id, disease_code) VALUES ('P1', 'M03900')");
            }
            assertThat(Schema.migrate(ds)).isEqualTo(2);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT disease_code, recognised_from, recognised_to FROM gj_chronic_recognition"
                            + " WHERE person_id = 'P1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("M03900");
                assertThat(rs.getDate(2)).isEqualTo(Date.valueOf(LocalDate.of(1960, 4, 2)));
                assertThat(rs.getDate(3)).isNull();
                assertThat(rs.next()).isFalse();
            }
        } finally {
            DataSources.shutdown(config);
        }
    }
}
