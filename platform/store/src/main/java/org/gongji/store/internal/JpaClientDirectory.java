package org.gongji.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.store.Client;
import org.gongji.store.ClientDirectory;
import org.gongji.store.IssuedClient;
import org.gongji.store.NewClient;
import org.gongji.store.Role;
import org.gongji.store.WriteContext;

/**
 * Clients in the database, and every active one in memory by the hash of its token, so that
 * authenticating a request is one SHA-256 and one map lookup. The node's own writes update the map
 * when they commit; on a database shared by several nodes {@link #refresh()} runs every
 * {@link #REFRESH} and reads the clients changed since it last looked (a revocation on another node
 * is refused here from then on).
 */
final class JpaClientDirectory implements ClientDirectory, AutoCloseable {

    static final Duration REFRESH = Duration.ofSeconds(2);
    /** Rows changed this long before the newest change seen are read again: nodes' clocks differ a little. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** The client the first start creates. */
    static final String BOOTSTRAP_ID = "admin";

    private static final Logger LOG = Logger.getLogger(JpaClientDirectory.class.getName());

    private record Cached(byte[] hash, Client client) {
    }

    private final Database db;
    private final Journal journal;
    private final Clock clock;
    private final RowIds ids;
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    private LocalDateTime newestChange;
    private ScheduledExecutorService poller;

    JpaClientDirectory(Database db, Journal journal, Clock clock) {
        this.db = db;
        this.journal = journal;
        this.clock = clock;
        this.ids = new RowIds(clock);
        List<ClientRow> all = db.read(em -> em.createQuery("SELECT c FROM ClientRow c", ClientRow.class).getResultList());
        all.forEach(this::remember);
    }

    /** Polls the database for other nodes' changes every {@link #REFRESH}. */
    void startRefreshing() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gongji-client-refresh");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not read the clients changed on other nodes; trying again", e);
            }
        }, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the clients changed (created, revoked) since the newest change seen, less {@link #OVERLAP}. */
    synchronized void refresh() {
        LocalDateTime since = newestChange == null ? null : newestChange.minus(OVERLAP);
        List<ClientRow> changed = db.read(em -> since == null
                ? em.createQuery("SELECT c FROM ClientRow c", ClientRow.class).getResultList()
                : em.createQuery("SELECT c FROM ClientRow c WHERE c.changedAt > :since", ClientRow.class)
                        .setParameter("since", since).getResultList());
        changed.forEach(this::remember);
    }

    private synchronized void remember(ClientRow row) {
        Client client = client(row);
        if (client.revokedAt() == null) {
            byHash.put(row.tokenHash, new Cached(HexFormat.of().parseHex(row.tokenHash), client));
        } else {
            byHash.remove(row.tokenHash);
        }
        if (newestChange == null || row.changedAt.isAfter(newestChange)) {
            newestChange = row.changedAt;
        }
    }

    @Override
    public Optional<Client> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > Tokens.MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = Tokens.hash(token);
        Cached cached = byHash.get(HexFormat.of().formatHex(hash));
        if (cached == null || !MessageDigest.isEqual(cached.hash(), hash) || !cached.client().activeAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(cached.client());
    }

    @Override
    public IssuedClient create(NewClient client, WriteContext context) {
        validate(client);
        return create(ids.next(), client, Tokens.generate(), context);
    }

    private IssuedClient create(String id, NewClient c, String token, WriteContext context) {
        Instant now = clock.instant();
        ClientRow created = db.write(em -> {
            if (c.role() == Role.INSTITUTION && em.find(InstitutionRow.class, c.institutionId()) == null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "institutionId " + c.institutionId()
                        + " names no institution: register the institution first");
            }
            ClientRow row = new ClientRow();
            row.id = id;
            row.name = c.name();
            row.role = c.role().name();
            row.region = c.region();
            row.institutionId = c.institutionId();
            row.tokenHash = HexFormat.of().formatHex(Tokens.hash(token));
            row.createdAt = Rows.utc(now);
            row.expiresAt = c.expiresAt() == null ? null : Rows.utc(c.expiresAt());
            row.changedAt = row.createdAt;
            em.persist(row);
            journal.audit(em, context, c.region(), "CREATE_CLIENT", "client/" + id, scope(c.role(), c.region(), c.institutionId())
                    + " " + c.name());
            return row;
        });
        remember(created);
        return new IssuedClient(client(created), token);
    }

    private void validate(NewClient c) {
        if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "name has 1 to 200 characters");
        }
        if (c.role() == null) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "role is required: ADMIN, BUREAU, AUDITOR or INSTITUTION");
        }
        boolean regional = c.role() == Role.BUREAU || c.role() == Role.AUDITOR;
        if (regional && (c.region() == null || !c.region().matches("\\d{6}"))) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "a " + c.role() + " client needs region, a six-digit region code");
        }
        if (!regional && c.region() != null) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "region is for BUREAU and AUDITOR clients only");
        }
        if (c.role() == Role.INSTITUTION
                && (c.institutionId() == null || c.institutionId().isBlank() || c.institutionId().length() > 64)) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "an INSTITUTION client needs institutionId");
        }
        if (c.role() != Role.INSTITUTION && c.institutionId() != null) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "institutionId is for INSTITUTION clients only");
        }
        if (c.expiresAt() != null && !c.expiresAt().isAfter(clock.instant())) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "expiresAt " + c.expiresAt() + " is not in the future");
        }
    }

    @Override
    public List<Client> clients() {
        return db.read(em -> em.createQuery("SELECT c FROM ClientRow c ORDER BY c.createdAt, c.id", ClientRow.class)
                .getResultList().stream().map(JpaClientDirectory::client).toList());
    }

    @Override
    public Optional<Client> client(String clientId) {
        return db.read(em -> Optional.ofNullable(em.find(ClientRow.class, clientId)).map(JpaClientDirectory::client));
    }

    @Override
    public Client revoke(String clientId, WriteContext context) {
        ClientRow revoked = db.write(em -> {
            ClientRow row = em.find(ClientRow.class, clientId);
            if (row == null) {
                throw new GongjiException(ErrorCode.UNKNOWN_CLIENT, "no client " + clientId);
            }
            if (row.revokedAt != null) {
                return row; // revoking twice changes nothing
            }
            Instant now = clock.instant();
            if (Role.ADMIN.name().equals(row.role) && client(row).activeAt(now) && otherActiveAdmins(em, row.id, now) == 0) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, "client " + clientId
                        + " is the last active ADMIN: create another administrator before revoking it");
            }
            row.revokedAt = Rows.utc(now);
            row.changedAt = row.revokedAt;
            journal.audit(em, context, row.region, "REVOKE_CLIENT", "client/" + row.id,
                    scope(Role.valueOf(row.role), row.region, row.institutionId) + " " + row.name);
            return row;
        });
        remember(revoked);
        return client(revoked);
    }

    private static long otherActiveAdmins(jakarta.persistence.EntityManager em, String id, Instant now) {
        return em.createQuery("SELECT COUNT(c) FROM ClientRow c WHERE c.role = :admin AND c.id <> :id"
                + " AND c.revokedAt IS NULL AND (c.expiresAt IS NULL OR c.expiresAt > :now)", Long.class)
                .setParameter("admin", Role.ADMIN.name()).setParameter("id", id).setParameter("now", Rows.utc(now))
                .getSingleResult();
    }

    /**
     * The first start: where no client exists yet, creates one {@code ADMIN} and writes its token to
     * {@code admin.token} in the data folder, readable by its owner only, and logs the file's path.
     * Does nothing when a client exists (a later start, or another node on the same database came
     * first) or when there is no data folder to write to.
     */
    void bootstrap(Path dataFolder) {
        if (dataFolder == null || hasClients()) {
            return;
        }
        String token = Tokens.generate();
        Path file = dataFolder.resolve(ADMIN_TOKEN_FILE).toAbsolutePath();
        writeOwnerOnly(file, token + "\n");
        try {
            create(BOOTSTRAP_ID, NewClient.of("administrator (first start)", Role.ADMIN, null, null), token,
                    WriteContext.by("first start"));
        } catch (RuntimeException e) {
            deleteQuietly(file);
            if (hasClients()) {
                return; // another node created the first administrator at the same time
            }
            throw e;
        }
        LOG.info("first start: the token of the ADMIN client '" + BOOTSTRAP_ID + "' is in " + file
                + " (readable by its owner only); create further clients with POST /api/v1/clients");
    }

    private boolean hasClients() {
        return db.read(em -> em.createQuery("SELECT COUNT(c) FROM ClientRow c", Long.class).getSingleResult()) > 0;
    }

    /** Writes the file so that no other user can read it at any moment (on file systems with POSIX permissions). */
    static void writeOwnerOnly(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            boolean posix = Files.getFileAttributeView(file.getParent(), java.nio.file.attribute.PosixFileAttributeView.class) != null;
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            try {
                if (posix) {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(ownerOnly));
                } else {
                    Files.createFile(tmp);
                }
            } catch (FileAlreadyExistsException e) {
                throw new IllegalStateException(tmp + " appeared while writing it", e);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (posix) {
                Files.setPosixFilePermissions(file, ownerOnly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the token in it is of no client
        }
    }

    static String scope(Role role, String region, String institutionId) {
        return switch (role) {
            case ADMIN -> "ADMIN";
            case BUREAU, AUDITOR -> role + " of " + region;
            case INSTITUTION -> "INSTITUTION " + institutionId;
        };
    }

    private static Client client(ClientRow r) {
        return new Client(r.id, r.name, Role.valueOf(r.role), r.region, r.institutionId, Rows.instant(r.createdAt),
                Rows.instant(r.expiresAt), Rows.instant(r.revokedAt));
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
