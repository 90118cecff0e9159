package org.gongji.store;

import java.util.List;
import java.util.Optional;

/**
 * The API's clients and their bearer tokens. A token is 32 random bytes from a
 * {@link java.security.SecureRandom} (base64url), returned once by {@link #create} and stored only
 * as its SHA-256. {@link #authenticate} is a map lookup: the directory keeps every client in memory,
 * updates it on its own writes and, on a shared database, reads what other nodes changed every
 * couple of seconds.
 */
public interface ClientDirectory {

    /** The file in the data folder that holds the first administrator's token. */
    String ADMIN_TOKEN_FILE = "admin.token";

    IssuedClient create(NewClient client, WriteContext context);

    /** Every client, revoked ones included, oldest first; no tokens. */
    List<Client> clients();

    Optional<Client> client(String clientId);

    /**
     * Revokes the client: its token is refused from now on (on other nodes within the refresh period).
     *
     * @throws org.gongji.api.error.GongjiException {@code UNKNOWN_CLIENT}
     */
    Client revoke(String clientId, WriteContext context);

    /** The active client whose token this is; empty for an unknown, expired or revoked token. */
    Optional<Client> authenticate(String token);
}
