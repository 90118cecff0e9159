package org.gongji.payment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;

/**
 * A region's DIP catalogue (病种分值目录). A case is grouped by its diagnosis and procedure; a
 * procedure the catalogue does not list for the diagnosis falls into the diagnosis's {@code *}
 * group when there is one; otherwise the case is ungrouped.
 */
public final class DipCatalogue {

    private final String source;
    private final List<DipGroup> groups;
    private final Map<String, Map<String, DipGroup>> byDiagnosis = new HashMap<>();

    public DipCatalogue(String source, List<DipGroup> groups) {
        this.source = source;
        this.groups = List.copyOf(groups);
        Map<String, DipGroup> byCode = new HashMap<>();
        for (DipGroup g : this.groups) {
            if (byCode.putIfAbsent(g.code(), g) != null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ": group " + g.code() + " twice");
            }
            DipGroup before = byDiagnosis.computeIfAbsent(g.diagnosis(), d -> new HashMap<>()).putIfAbsent(g.procedure(), g);
            if (before != null) {
                throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ": groups " + before.code() + " and "
                        + g.code() + " both hold " + g.diagnosis() + " with procedure '" + g.procedure() + "'");
            }
        }
        if (this.groups.isEmpty()) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, source + ": empty DIP catalogue");
        }
    }

    /** The group of a case, or null when the catalogue has none for it. */
    public DipGroup group(String diagnosis, String procedure) {
        Map<String, DipGroup> byProcedure = byDiagnosis.get(diagnosis);
        if (byProcedure == null) {
            return null;
        }
        DipGroup g = byProcedure.get(procedure == null ? "" : procedure);
        return g != null ? g : byProcedure.get(DipGroup.ANY_PROCEDURE);
    }

    public String source() {
        return source;
    }

    public List<DipGroup> groups() {
        return groups;
    }
}
