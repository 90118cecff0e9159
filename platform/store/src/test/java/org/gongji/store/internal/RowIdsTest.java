package org.gongji.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowIdsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long millis = Instant.parse("2024-06-15T02:00:00.123Z").toEpochMilli();
        UUID id = RowIds.next(millis, random);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void aLaterIdSortsAfterAnEarlierOneAsTheDatabaseComparesText() {
        long millis = Instant.parse("2024-06-15T02:00:00Z").toEpochMilli();
        for (int i = 0; i < 1_000; i++) {
            String earlier = RowIds.next(millis + i, random).toString();
            String later = RowIds.next(millis + i + 1, random).toString();
            assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
        }
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        long millis = Instant.parse("2024-06-15T02:00:00Z").toEpochMilli();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(RowIds.next(millis, random)));
        }
    }
}
