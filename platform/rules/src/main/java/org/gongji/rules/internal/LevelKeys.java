package org.gongji.rules.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.gongji.api.institution.InstitutionLevel;

/** Parameter keys per institution level, built once: "outpatient.ratio.tertiary", ... */
final class LevelKeys {

    private final Map<InstitutionLevel, String> keys = new EnumMap<>(InstitutionLevel.class);

    LevelKeys(String prefix) {
        for (InstitutionLevel level : InstitutionLevel.values()) {
            keys.put(level, prefix + level.name().toLowerCase(Locale.ROOT));
        }
    }

    String of(InstitutionLevel level) {
        return keys.get(level);
    }
}
