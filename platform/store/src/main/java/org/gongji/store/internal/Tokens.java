package org.gongji.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer tokens: {@code gj_} and 32 random bytes (256 bits) in base64url, 46 characters. Only the
 * SHA-256 of a token is kept; a token is long and random enough that a plain hash (no salt, no
 * slow hash) cannot be reversed or guessed.
 */
final class Tokens {

    static final String PREFIX = "gj_";
    static final int RANDOM_BYTES = 32;
    /** Longer than any token we issue: what is longer is refused before it is hashed. */
    static final int MAX_LENGTH = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
