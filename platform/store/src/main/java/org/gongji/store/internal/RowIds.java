package org.gongji.store.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Identifiers of booked rows: UUIDs of version 7 (RFC 9562), whose first 48 bits are the
 * millisecond of booking. Rows booked one after another get neighbouring keys, so an insert lands
 * on the last page of the key's index instead of a random one: with random UUIDs every settlement
 * read and rewrote pages all over its tables' indexes, and the page cache churned.
 */
final class RowIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    RowIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        return next(clock.millis(), RANDOM).toString();
    }

    static UUID next(long epochMillis, SecureRandom random) {
        long randA = random.nextInt(1 << 12);
        long randB = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        long most = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long least = 0x8000_0000_0000_0000L | randB;
        return new UUID(most, least);
    }
}
