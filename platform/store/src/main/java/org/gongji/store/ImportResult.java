package org.gongji.store;

import java.util.ArrayList;
import java.util.List;
import org.gongji.api.error.ErrorCode;

/**
 * What a bulk import did: lines that created, updated, or left unchanged what they name, and the
 * refused lines with their stable code and reason. Each line lands or is refused on its own.
 */
public record ImportResult(int created, int updated, int unchanged, int refused, List<Refusal> refusals) {

    /** A refused line: its number in the file, the code, what was wrong. */
    public record Refusal(int line, ErrorCode code, String detail) {
    }

    public ImportResult {
        refusals = List.copyOf(refusals);
    }

    public static final ImportResult EMPTY = new ImportResult(0, 0, 0, 0, List.of());

    /** Both results together; at most {@code maxRefusals} refusals are listed (all are counted). */
    public ImportResult plus(ImportResult other, int maxRefusals) {
        List<Refusal> listed = new ArrayList<>(refusals);
        for (Refusal r : other.refusals) {
            if (listed.size() >= maxRefusals) {
                break;
            }
            listed.add(r);
        }
        return new ImportResult(created + other.created, updated + other.updated, unchanged + other.unchanged,
                refused + other.refused, listed);
    }

    public int lines() {
        return created + updated + unchanged + refused;
    }
}
