package org.gongji.api.rules;

import org.gongji.api.region.Citation;

/**
 * A value a region hands to the engine together with where it comes from, so that the trace can
 * name the parameter and the clause.
 *
 * @param parameter "key = value" of the parameter, or a short description of a derived value
 */
public record Term<T>(T value, String parameter, Citation citation) {

    public static <T> Term<T> of(Parameter p, Class<T> type) {
        if (!type.isInstance(p.value())) {
            throw new IllegalStateException(p.key() + " = " + p.text() + " is not a " + type.getSimpleName());
        }
        return new Term<>(type.cast(p.value()), p.display(), p.citation());
    }
}
