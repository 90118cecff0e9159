package org.gongji.store;

/**
 * The regions a region's bureau or auditor covers: the region itself and the cities (and their
 * districts) under it, by code. 410000 (河南省) covers 410800 (焦作市), 410800 covers 410821.
 */
public final class RegionScope {

    private RegionScope() {
    }

    /** What every covered code starts with: 410000 → "41", 410800 → "4108", 410821 → "410821". */
    public static String prefix(String region) {
        if (region == null || !region.matches("\\d{6}")) {
            throw new IllegalArgumentException("a region code has six digits, not " + region);
        }
        String prefix = region;
        while (prefix.endsWith("00") && prefix.length() > 2) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    public static boolean covers(String region, String target) {
        return region != null && target != null && region.matches("\\d{6}") && target.matches("\\d{6}")
                && target.startsWith(prefix(region));
    }
}
