package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.region.RegionCode;
import org.gongji.engine.registry.MapRegionRegistry;
import org.gongji.rules.StandardRegion;
import org.gongji.store.Client;
import org.gongji.store.ClientDirectory;
import org.gongji.store.IssuedClient;
import org.gongji.store.NewClient;
import org.gongji.store.Role;
import org.gongji.store.StoreConfig;
import org.gongji.store.WriteContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientDirectoryTest {

    static final WriteContext ADMIN = WriteContext.by("test");

    @TempDir
    Path tmp;

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2024-06-15T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();

    JpaStore open() {
        return JpaStore.open(StoreConfig.derby(tmp.resolve("data")), new MapRegionRegistry(StandardRegion.ofResource("rules/410800-jiaozuo.txt")), clock);
    }

    @Test
    void aTokenIsRandomShownOnceAndStoredOnlyAsItsHash() {
        try (JpaStore store = open()) {
            IssuedClient a = store.clients().create(NewClient.of("bureau", Role.BUREAU, "410800", null), ADMIN);
            IssuedClient b = store.clients().create(NewClient.of("bureau", Role.BUREAU, "410800", null), ADMIN);

            assertThat(a.token()).startsWith("gj_").hasSize(46).isNotEqualTo(b.token());
            assertThat(a.toString()).doesNotContain(a.token());
            assertThat(store.clients().authenticate(a.token())).contains(a.client());
            assertThat(store.clients().authenticate(b.token())).contains(b.client());
            List<String> hashes = store.db().read(em -> em.createQuery("SELECT c.tokenHash FROM ClientRow c", String.class)
                    .getResultList());
            assertThat(hashes).doesNotContain(a.token(), b.token())
                    .contains(java.util.HexFormat.of().formatHex(Tokens.hash(a.token())));
        }
    }

    @Test
    void unknownMalformedExpiredAndRevokedTokensAreRefused() {
        try (JpaStore store = open()) {
            ClientDirectory clients = store.clients();
            IssuedClient expiring = clients.create(new NewClient("short", Role.AUDITOR, "410800", null,
                    clock.now.plus(Duration.ofHours(1))), ADMIN);
            IssuedClient revoked = clients.create(NewClient.of("gone", Role.BUREAU, "410800", null), ADMIN);

            assertThat(clients.authenticate(null)).isEmpty();
            assertThat(clients.authenticate("")).isEmpty();
            assertThat(clients.authenticate("gj_" + "x".repeat(300))).isEmpty();
            assertThat(clients.authenticate(expiring.token() + "x")).isEmpty();
            assertThat(clients.authenticate(expiring.token())).isPresent();

            clock.now = clock.now.plus(Duration.ofHours(1));
            assertThat(clients.authenticate(expiring.token())).isEmpty();

            Client after = clients.revoke(revoked.client().clientId(), ADMIN);
            assertThat(after.revokedAt()).isEqualTo(clock.now);
            assertThat(clients.authenticate(revoked.token())).isEmpty();
            assertThat(clients.revoke(revoked.client().clientId(), ADMIN).revokedAt()).isEqualTo(clock.now);
            assertThatThrownBy(() -> clients.revoke("nobody", ADMIN)).isInstanceOf(GongjiException.class)
                    .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.UNKNOWN_CLIENT);
        }
    }

    @Test
    void aClientNeedsTheScopeOfItsRole() {
        try (JpaStore store = open()) {
            ClientDirectory clients = store.clients();
            assertRefused(() -> clients.create(NewClient.of("b", Role.BUREAU, null, null), ADMIN));
            assertRefused(() -> clients.create(NewClient.of("b", Role.BUREAU, "41080", null), ADMIN));
            assertRefused(() -> clients.create(NewClient.of("a", Role.ADMIN, "410800", null), ADMIN));
            assertRefused(() -> clients.create(NewClient.of("i", Role.INSTITUTION, null, null), ADMIN));
            assertRefused(() -> clients.create(NewClient.of("i", Role.INSTITUTION, null, "H404"), ADMIN));
            assertRefused(() -> clients.create(NewClient.of("", Role.ADMIN, null, null), ADMIN));
            assertRefused(() -> clients.create(NewClient.of("x", null, null, null), ADMIN));

            store.persons().putInstitution(new Institution("H1", "医院", RegionCode.of("410800"), InstitutionLevel.TERTIARY,
                    false), ADMIN);
            IssuedClient h1 = clients.create(NewClient.of("his", Role.INSTITUTION, null, "H1"), ADMIN);
            assertThat(clients.authenticate(h1.token())).get().extracting(Client::institutionId).isEqualTo("H1");
        }
    }

    @Test
    void theLastActiveAdministratorCannotBeRevoked() {
        try (JpaStore store = open()) {
            ClientDirectory clients = store.clients();
            String first = JpaClientDirectory.BOOTSTRAP_ID;
            assertRefused(() -> clients.revoke(first, ADMIN));
            IssuedClient second = clients.create(NewClient.of("second admin", Role.ADMIN, null, null), ADMIN);
            clients.revoke(first, ADMIN);
            assertThat(clients.client(first)).get().extracting(Client::revokedAt).isNotNull();
            assertRefused(() -> clients.revoke(second.client().clientId(), ADMIN));
        }
    }

    @Test
    void theFirstStartWritesTheAdministratorTokenForItsOwnerOnlyAndLogsThePathNotTheToken() throws Exception {
        Path file = tmp.resolve("data").resolve(ClientDirectory.ADMIN_TOKEN_FILE);
        List<LogRecord> logged = new ArrayList<>();
        Logger log = Logger.getLogger(JpaClientDirectory.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        String token;
        try (JpaStore store = open()) {
            token = Files.readString(file).strip();
            assertThat(store.clients().authenticate(token)).get().extracting(Client::role).isEqualTo(Role.ADMIN);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(store.clients().clients()).hasSize(1);
        } finally {
            log.removeHandler(capture);
        }
        assertThat(logged).extracting(LogRecord::getMessage)
                .anySatisfy(m -> assertThat(m).contains(file.toAbsolutePath().toString()))
                .allSatisfy(m -> assertThat(m).doesNotContain(token));

        try (JpaStore store = open()) {
            assertThat(Files.readString(file).strip()).isEqualTo(token);
            assertThat(store.clients().clients()).hasSize(1);
            assertThat(store.clients().authenticate(token)).isPresent();
        }
    }

    @Test
    void anotherNodeSeesARevocationAtItsNextRefresh() {
        try (JpaStore one = open()) {
            // a second node's directory over the same database
            JpaClientDirectory other = new JpaClientDirectory(one.db(), new Journal(clock), clock);
            IssuedClient c = one.clients().create(NewClient.of("bureau", Role.BUREAU, "410800", null), ADMIN);
            assertThat(other.authenticate(c.token())).isEmpty(); // not yet seen there
            other.refresh();
            assertThat(other.authenticate(c.token())).isPresent();

            one.clients().revoke(c.client().clientId(), ADMIN);
            assertThat(one.clients().authenticate(c.token())).isEmpty();
            assertThat(other.authenticate(c.token())).isPresent(); // until its next refresh
            other.refresh();
            assertThat(other.authenticate(c.token())).isEmpty();
        }
    }

    private static void assertRefused(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOf(GongjiException.class)
                .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
}
