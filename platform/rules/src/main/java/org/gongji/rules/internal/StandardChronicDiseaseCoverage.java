package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.rules.Term;
import org.gongji.api.spi.benefit.Adjustment;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.gongji.api.spi.benefit.DeductibleMode;
import org.gongji.api.spi.chronic.ChronicDisease;
import org.gongji.api.spi.chronic.ChronicDiseaseCoverage;
import org.gongji.api.spi.pooling.OutpatientPooling;

/**
 * Chronic and special disease outpatient coverage (门诊慢特病) read from the standard keys.
 * <p>The catalogue (病种目录), usually the province's, repeated by a city that adds diseases:
 * <pre>
 * chronic.disease.&lt;CODE&gt;                      the disease's name; "none" takes it out of the catalogue from that date
 * chronic.disease.&lt;CODE&gt;.cover                DISEASE (病种保障, default) | COST (费用保障: from that date a visit for
 *                                             the disease is settled under the general outpatient pooling)
 * </pre>
 * The terms, per group of diseases (e.g. 慢性病, 特殊疾病):
 * <pre>
 * chronic.group.&lt;G&gt;.diseases                   the group's disease codes, separated by spaces
 * chronic.group.&lt;G&gt;.deductible.mode            NONE | ANNUAL (per year) | PER_VISIT
 * chronic.group.&lt;G&gt;.deductible                 money (not for NONE)
 * chronic.group.&lt;G&gt;.ratio                      ratio; chronic.group.&lt;G&gt;.ratio.{tertiary|secondary|primary|pharmacy} where it differs by level
 * chronic.group.&lt;G&gt;.ratio.retiredBonus         points for retirees (optional)
 * chronic.group.&lt;G&gt;.cap                        the annual limit (optional)
 * chronic.group.&lt;G&gt;.accumulate                 PER_DISEASE | GROUP: what the annual deductible and the limit count over
 *                                             (each disease of the group on its own, or the group's diseases together)
 * chronic.group.&lt;G&gt;.countsTowardFundCap        yes | no: whether the pay counts toward fund.annualCap
 * </pre>
 * Coverage is provided when the table has a group; a catalogue alone (a province that sets the
 * catalogue for its cities) settles nothing.
 */
public class StandardChronicDiseaseCoverage implements ChronicDiseaseCoverage {

    public static final String DISEASE_PREFIX = "chronic.disease.";
    public static final String GROUP_PREFIX = "chronic.group.";
    private static final String NONE = "none";
    private static final Pattern DISEASE_KEY = Pattern.compile("chronic\\.disease\\.([A-Z][0-9]{5})");
    private static final Pattern GROUP_KEY = Pattern.compile("chronic\\.group\\.([A-Za-z0-9_]+)\\.diseases");
    /** A catalogue code: a letter and five digits (the national 门诊慢特病 code convention). */
    public static final Pattern CODE = Pattern.compile("[A-Z][0-9]{5}");

    private final ParameterTable table;
    private final OutpatientPooling pooling;
    private final Set<String> codes;
    private final Set<String> groups;

    public StandardChronicDiseaseCoverage(ParameterTable table, OutpatientPooling pooling) {
        this.table = table;
        this.pooling = pooling;
        this.codes = codesOf(table);
        this.groups = groupsOf(table);
    }

    /** Whether the table sets chronic terms (a group of diseases). */
    public static boolean provided(ParameterTable table) {
        return !groupsOf(table).isEmpty();
    }

    /** Every disease code the table ever lists in its catalogue. */
    public static Set<String> codesOf(ParameterTable table) {
        Set<String> found = new TreeSet<>();
        for (Parameter p : table.entries()) {
            Matcher m = DISEASE_KEY.matcher(p.key());
            if (m.matches()) {
                found.add(m.group(1));
            }
        }
        return Set.copyOf(found);
    }

    /** The catalogue entry of a disease in force on the date; empty when not listed or taken out. */
    public static Optional<Parameter> listing(ParameterTable table, String code, LocalDate date) {
        Parameter p = table.lookup(DISEASE_PREFIX + code, date);
        return p == null || NONE.equalsIgnoreCase(p.text()) ? Optional.empty() : Optional.of(p);
    }

    private static Set<String> groupsOf(ParameterTable table) {
        Set<String> found = new TreeSet<>();
        for (Parameter p : table.entries()) {
            Matcher m = GROUP_KEY.matcher(p.key());
            if (m.matches()) {
                found.add(m.group(1));
            }
        }
        return Set.copyOf(found);
    }

    @Override
    public Set<String> catalogue(LocalDate date) {
        Set<String> inForce = new TreeSet<>();
        for (String code : codes) {
            if (listing(table, code, date).isPresent()) {
                inForce.add(code);
            }
        }
        return inForce;
    }

    @Override
    public List<ChronicDisease> diseases(LocalDate date) {
        List<ChronicDisease> list = new ArrayList<>();
        for (String code : catalogue(date)) {
            Parameter listing = listing(table, code, date).orElseThrow();
            ChronicDisease.Cover cover = cover(code, date);
            Optional<String> group = groupOf(code, date);
            List<Parameter> terms = new ArrayList<>();
            table.find(DISEASE_PREFIX + code + ".cover", date).ifPresent(terms::add);
            if (cover == ChronicDisease.Cover.DISEASE && group.isPresent()) {
                String prefix = GROUP_PREFIX + group.get() + ".";
                for (Parameter p : table.inForce(date)) {
                    if (p.key().startsWith(prefix)) {
                        terms.add(p);
                    }
                }
            }
            list.add(new ChronicDisease(code, listing.text(), listing.citation(), group.orElse(null), cover, terms));
        }
        return list;
    }

    @Override
    public Optional<BenefitTerms> chronicOutpatient(BenefitContext context) {
        LocalDate date = context.date();
        String code = context.visit().diseaseCode();
        Optional<Parameter> listing = code == null ? Optional.empty() : listing(table, code, date);
        if (listing.isEmpty()) {
            return Optional.empty();
        }
        Term<String> listed = new Term<>("chronic disease " + code + " " + listing.get().text() + " in the catalogue",
                listing.get().display(), listing.get().citation());
        if (cover(code, date) == ChronicDisease.Cover.COST) {
            Parameter p = table.require(DISEASE_PREFIX + code + ".cover", date);
            if (pooling == null) {
                throw new GongjiException(ErrorCode.BENEFIT_NOT_COVERED, table.source() + ": " + code
                        + " is moved to cost-based cover but the region has no general outpatient pooling");
            }
            BenefitTerms general = pooling.generalOutpatient(context);
            return Optional.of(general.withNotes(List.of(listed, new Term<>(
                    "cost-based cover (病种保障向费用保障过渡): settled under the general outpatient pooling", p.display(),
                    p.citation()))));
        }
        Optional<String> found = groupOf(code, date);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String group = found.get();
        String g = GROUP_PREFIX + group + ".";
        Parameter groupRow = table.require(g + "diseases", date);
        Parameter modeRow = table.require(g + "deductible.mode", date);
        String modeText = modeRow.text().toUpperCase(Locale.ROOT);
        Term<Money> deductible;
        DeductibleMode mode;
        if ("NONE".equals(modeText)) {
            deductible = new Term<>(Money.ZERO, modeRow.display(), modeRow.citation());
            mode = DeductibleMode.PER_VISIT;
        } else {
            mode = DeductibleMode.valueOf(modeText);
            deductible = table.money(g + "deductible", date);
        }
        String levelKey = g + "ratio." + context.visit().institution().level().name().toLowerCase(Locale.ROOT);
        Term<Ratio> ratio = table.ratio(table.lookup(levelKey, date) != null ? levelKey : g + "ratio", date);
        Parameter bonus = context.category() == PersonCategory.RETIRED ? table.lookup(g + "ratio.retiredBonus", date) : null;
        List<Adjustment> ratioAdjustments = bonus == null ? List.of() : List.of(StandardOutpatientPooling.points("retired", bonus));
        Term<Money> cap = table.lookup(g + "cap", date) != null ? table.money(g + "cap", date) : null;
        Parameter accumulate = table.require(g + "accumulate", date);
        String pool = switch (accumulate.text().toUpperCase(Locale.ROOT)) {
            case "PER_DISEASE" -> "chronic:" + code;
            case "GROUP" -> "chronic.group:" + group;
            default -> throw new IllegalStateException(accumulate.display() + " is PER_DISEASE or GROUP");
        };
        Parameter counts = table.require(g + "countsTowardFundCap", date);
        Term<Money> fundCap = "yes".equalsIgnoreCase(counts.text()) ? table.money(StandardOutpatientPooling.FUND_CAP, date) : null;
        List<Term<String>> notes = List.of(listed,
                new Term<>("terms of group " + group + "; deductible and limit counted over " + pool, groupRow.display()
                        + "; " + accumulate.display(), groupRow.citation()),
                new Term<>(fundCap == null ? "does not count toward the fund's annual cap" : "counts toward the fund's annual cap",
                        counts.display(), counts.citation()));
        return Optional.of(new BenefitTerms(Benefit.CHRONIC_OUTPATIENT, deductible, List.of(), mode, ratio, ratioAdjustments,
                cap, fundCap, pool, true, notes));
    }

    private ChronicDisease.Cover cover(String code, LocalDate date) {
        Parameter p = table.lookup(DISEASE_PREFIX + code + ".cover", date);
        return p == null ? ChronicDisease.Cover.DISEASE : ChronicDisease.Cover.valueOf(p.text().toUpperCase(Locale.ROOT));
    }

    private Optional<String> groupOf(String code, LocalDate date) {
        for (String group : groups) {
            Parameter p = table.lookup(GROUP_PREFIX + group + ".diseases", date);
            if (p != null && split(p.text()).contains(code)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** Codes of a list cell, separated by spaces, commas or semicolons. */
    public static Set<String> split(String text) {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(text.split("[\\s,;]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
        return set;
    }
}
