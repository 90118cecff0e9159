package org.gongji.api.region;

import java.util.Optional;

/**
 * A six-digit administrative region code (医保区划): 370000 Shandong, 370100 Jinan, 410800 Jiaozuo.
 */
public record RegionCode(String value) {

    public RegionCode {
        if (value == null || !value.matches("\\d{6}")) {
            throw new IllegalArgumentException("a region code has six digits: " + value);
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    public boolean isProvince() {
        return value.endsWith("0000");
    }

    /** The province this region belongs to (itself for a province). */
    public RegionCode province() {
        return isProvince() ? this : new RegionCode(value.substring(0, 2) + "0000");
    }

    /** The province of a city; empty for a province. */
    public Optional<RegionCode> parentProvince() {
        return isProvince() ? Optional.empty() : Optional.of(province());
    }

    @Override
    public String toString() {
        return value;
    }
}
