package org.gongji.rules.internal;

import org.gongji.api.rules.Parameter;

/**
 * One city number as a bound sees it.
 *
 * @param parameter the city key (or the derivation) the number comes from
 * @param value typed as in the table; null when the city does not set it
 * @param text the number as written
 */
public record CityValue(String parameter, Object value, String text) {

    public static CityValue of(Parameter p) {
        return new CityValue(p.key(), p.value(), p.text());
    }

    public static CityValue missing(String key) {
        return new CityValue(key, null, "not set");
    }

    public boolean missing() {
        return value == null;
    }
}
