package org.gongji.testkit;

import java.util.ArrayList;
import java.util.List;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.visit.CatalogueClass;
import org.gongji.api.visit.FeeLine;

/** Fee lines as a scenario writes them: {@code A 200.00; B 100.00 @10%; A 5000.00 #XL01XC03} (class, amount, pre-self-pay ratio, item code). */
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
            Ratio preSelfPay = Ratio.ZERO;
            n++;
            String code = "L" + n;
            for (int i = 2; i < words.length; i++) {
                if (words[i].startsWith("@")) {
                    preSelfPay = Ratio.parse(words[i].substring(1));
                } else if (words[i].startsWith("#")) {
                    code = words[i].substring(1);
                }
            }
            lines.add(new FeeLine(code, "line " + n, catalogueClass, amount, preSelfPay));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no fee lines in '" + text + "'");
        }
        return lines;
    }
}
