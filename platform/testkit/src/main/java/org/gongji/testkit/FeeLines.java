package org.gongji.testkit;

import java.util.ArrayList;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.visit.CatalogueClass;
import org.gongji.api.visit.FeeLine;

/** Fee lines written as in a scenario table: {@code A 200.00; B 100.00 @20%; C 30.00}. */
final class FeeLines {

    private FeeLines() {
    }

    static List<FeeLine> parse(String text) {
        List<FeeLine> lines = new ArrayList<>();
        int n = 0;
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] words = p.split("\\s+");
            CatalogueClass catalogueClass = CatalogueClass.valueOf(words[0]);
            Money amount = Money.parse(words[1]);
            Ratio preSelfPay = words.length > 2 && words[2].startsWith("@") ? Ratio.parse(words[2].substring(1)) : Ratio.ZERO;
            n++;
            lines.add(new FeeLine("L" + n, "line " + n, catalogueClass, amount, preSelfPay));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no fee lines in '" + text + "'");
        }
        return lines;
    }
}
