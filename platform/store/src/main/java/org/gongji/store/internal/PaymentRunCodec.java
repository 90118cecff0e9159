package org.gongji.store.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.payment.DipCase;
import org.gongji.payment.DipCatalogue;
import org.gongji.payment.DipGroup;
import org.gongji.payment.PaymentPeriod;
import org.gongji.store.PaymentRunRequest;

/**
 * A payment run request as the text input of a job: one record a line, fields separated by tabs,
 * a backslash, tab or line break inside a field escaped.
 */
final class PaymentRunCodec {

    private PaymentRunCodec() {
    }

    static String encode(PaymentRunRequest r) {
        StringBuilder out = new StringBuilder();
        line(out, "run", r.region().value(), r.method().name(), r.period().label());
        if (r.headcounts() != null) {
            line(out, "headcounts");
            new TreeMap<>(r.headcounts()).forEach((id, n) -> line(out, "h", id, Integer.toString(n)));
        }
        if (r.dipBudget() != null) {
            line(out, "budget", Long.toString(r.dipBudget().fen()));
        }
        if (r.dipCatalogue() != null) {
            line(out, "catalogue", r.dipCatalogue().source());
            for (DipGroup g : r.dipCatalogue().groups()) {
                line(out, "g", g.code(), g.diagnosis(), g.procedure(), g.name(), Long.toString(g.score()),
                        Long.toString(g.averageCost().fen()));
            }
        }
        if (r.dipCases() != null) {
            line(out, "cases");
            for (DipCase c : r.dipCases()) {
                line(out, "c", c.caseId(), c.institutionId(), c.diagnosis(), c.procedure(), c.date().toString(),
                        Long.toString(c.totalCost().fen()), Long.toString(c.patientPaid().fen()),
                        Long.toString(c.otherFundsPaid().fen()));
            }
        }
        return out.toString();
    }

    static PaymentRunRequest decode(String text) {
        RegionCode region = null;
        ProviderPaymentMethod method = null;
        PaymentPeriod period = null;
        Map<String, Integer> headcounts = null;
        Money budget = null;
        String catalogueSource = null;
        List<DipGroup> groups = null;
        List<DipCase> cases = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> f = fields(line);
            switch (f.get(0)) {
                case "run" -> {
                    region = RegionCode.of(f.get(1));
                    method = ProviderPaymentMethod.valueOf(f.get(2));
                    period = PaymentPeriod.parse(f.get(3));
                }
                case "headcounts" -> headcounts = new TreeMap<>();
                case "h" -> headcounts.put(f.get(1), Integer.parseInt(f.get(2)));
                case "budget" -> budget = Money.ofFen(Long.parseLong(f.get(1)));
                case "catalogue" -> {
                    catalogueSource = f.get(1);
                    groups = new ArrayList<>();
                }
                case "g" -> groups.add(new DipGroup(f.get(1), f.get(2), f.get(3), f.get(4), Long.parseLong(f.get(5)),
                        Money.ofFen(Long.parseLong(f.get(6)))));
                case "cases" -> cases = new ArrayList<>();
                case "c" -> cases.add(new DipCase(f.get(1), f.get(2), f.get(3), f.get(4), LocalDate.parse(f.get(5)),
                        Money.ofFen(Long.parseLong(f.get(6))), Money.ofFen(Long.parseLong(f.get(7))),
                        Money.ofFen(Long.parseLong(f.get(8)))));
                default -> throw new IllegalArgumentException("not a payment run record: " + f.get(0));
            }
        }
        return new PaymentRunRequest(region, method, period, headcounts, budget,
                groups == null ? null : new DipCatalogue(catalogueSource, groups), cases);
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String v = fields[i] == null ? "" : fields[i];
            out.append(v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
        }
        out.append('\n');
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\t') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (ch == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                f.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                f.append(ch);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
