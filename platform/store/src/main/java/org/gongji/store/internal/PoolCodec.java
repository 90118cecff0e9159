package org.gongji.store.internal;

import java.util.Map;
import java.util.TreeMap;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.Usage;

/**
 * Named accumulator pools in one text cell: {@code name=deductibleFen,poolFen,visits} entries separated by
 * {@code ;}, in name order; null for none. A person has a handful of pools a year (a disease, a drug).
 */
final class PoolCodec {

    private PoolCodec() {
    }

    static String encode(Map<String, Usage> pools) {
        if (pools.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Usage> e : new TreeMap<>(pools).entrySet()) {
            String name = e.getKey();
            if (name.indexOf('=') >= 0 || name.indexOf(';') >= 0 || name.indexOf(',') >= 0) {
                throw new IllegalArgumentException("pool name with = ; or , : " + name);
            }
            Usage u = e.getValue();
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(name).append('=').append(u.deductiblePaid().fen()).append(',').append(u.poolPaid().fen())
                    .append(',').append(u.visits());
        }
        return sb.toString();
    }

    static Map<String, Usage> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, Usage> pools = new TreeMap<>();
        for (String entry : text.split(";")) {
            int eq = entry.indexOf('=');
            String[] n = entry.substring(eq + 1).split(",");
            pools.put(entry.substring(0, eq), new Usage(Money.ofFen(Long.parseLong(n[0])), Money.ofFen(Long.parseLong(n[1])),
                    Integer.parseInt(n[2])));
        }
        return pools;
    }
}
