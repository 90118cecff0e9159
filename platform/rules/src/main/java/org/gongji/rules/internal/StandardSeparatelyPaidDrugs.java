package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongji.api.institution.Institution;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.rules.Term;
import org.gongji.api.spi.drug.DrugTerms;
import org.gongji.api.spi.drug.SeparatelyPaidDrugs;

/**
 * Separately paid negotiated drugs (单独支付) read from the standard keys:
 * <pre>
 * drug.separate.&lt;CODE&gt;             the drug's name, listed from the row's date; "none" takes it off the list
 * drug.separate.&lt;CODE&gt;.ratio       the share of the line's in-scope amount the fund pays (no deductible)
 * drug.separate.&lt;CODE&gt;.cap         the drug's annual limit per person (optional)
 * drug.separate.dispensedAt        the levels of institution that dispense under these terms, separated by spaces
 *                                  (designated hospitals and pharmacies, e.g. TERTIARY SECONDARY PHARMACY)
 * </pre>
 */
public class StandardSeparatelyPaidDrugs implements SeparatelyPaidDrugs {

    public static final String PREFIX = "drug.separate.";
    public static final String DISPENSED_AT = PREFIX + "dispensedAt";
    private static final Pattern DRUG_KEY = Pattern.compile("drug\\.separate\\.([A-Za-z0-9_-]+)");

    private final ParameterTable table;
    private final Set<String> codes;

    public StandardSeparatelyPaidDrugs(ParameterTable table) {
        this.table = table;
        this.codes = codesOf(table);
    }

    /** Whether the table lists any drug. */
    public static boolean provided(ParameterTable table) {
        return !codesOf(table).isEmpty();
    }

    /** Every drug code the table ever lists. */
    public static Set<String> codesOf(ParameterTable table) {
        Set<String> found = new TreeSet<>();
        for (Parameter p : table.entries()) {
            Matcher m = DRUG_KEY.matcher(p.key());
            if (m.matches() && !p.key().equals(DISPENSED_AT)) {
                found.add(m.group(1));
            }
        }
        return Set.copyOf(found);
    }

    @Override
    public Set<String> listed(LocalDate date) {
        Set<String> inForce = new TreeSet<>();
        for (String code : codes) {
            Parameter p = table.lookup(PREFIX + code, date);
            if (p != null && !"none".equalsIgnoreCase(p.text())) {
                inForce.add(code);
            }
        }
        return inForce;
    }

    @Override
    public Optional<DrugTerms> terms(String code, Institution institution, LocalDate date) {
        if (!codes.contains(code)) {
            return Optional.empty();
        }
        Parameter listing = table.lookup(PREFIX + code, date);
        if (listing == null || "none".equalsIgnoreCase(listing.text())) {
            return Optional.empty();
        }
        Parameter at = table.require(DISPENSED_AT, date);
        boolean here = StandardChronicDiseaseCoverage.split(at.text().toUpperCase(Locale.ROOT))
                .contains(institution.level().name());
        Term<Money> cap = table.lookup(PREFIX + code + ".cap", date) != null ? table.money(PREFIX + code + ".cap", date) : null;
        Term<Ratio> ratio = table.ratio(PREFIX + code + ".ratio", date);
        return Optional.of(new DrugTerms(code, new Term<>(listing.text(), listing.display(), listing.citation()),
                new Term<>(here, at.display(), at.citation()), ratio, cap));
    }
}
