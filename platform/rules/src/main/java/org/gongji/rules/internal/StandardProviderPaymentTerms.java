package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.rules.Term;
import org.gongji.api.spi.payment.BedDayTerms;
import org.gongji.api.spi.payment.DipTerms;
import org.gongji.api.spi.payment.HeadcountBasis;
import org.gongji.api.spi.payment.PaymentScope;
import org.gongji.api.spi.payment.PerCapitaTerms;
import org.gongji.api.spi.payment.PerItemTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.visit.MedicalType;

/**
 * Provider payment terms read from the standard keys:
 * <pre>
 * payment.methods                           PER_CAPITA,DIP,PER_ITEM (those the region uses)
 * payment.perCapita.medTypes                medical types paid per capita, e.g. GENERAL_OUTPATIENT
 * payment.perCapita.levels                  institution levels paid per capita, e.g. PRIMARY (optional; ALL)
 * payment.perCapita.headcount               SIGNED | ENROLLED
 * payment.perCapita.ratePerPersonMonth      money per person per month
 * payment.perCapita.surplus.retainedShare   share of the surplus the institution keeps (结余留用)
 * payment.perCapita.surplus.ceiling         surplus counted up to this share of the budget
 * payment.perCapita.overspend.fundShare     share of the reasonable overspend the fund bears (合理超支分担)
 * payment.perCapita.overspend.ceiling       overspend counted as reasonable up to this share of the budget
 * payment.dip.medTypes                      medical types paid by DIP, e.g. DAY_SURGERY
 * payment.dip.levels                        institution levels paid by DIP (optional; ALL)
 * payment.dip.highRatio                     high-ratio outlier above this multiple of the group's average cost (e.g. 200%)
 * payment.dip.lowRatio                      low-ratio outlier below this multiple (e.g. 50%)
 * payment.dip.coefficient.{tertiary|secondary|primary|pharmacy}   institution coefficient by level
 * payment.perItem.separatelyPaid            item codes paid separately, comma separated, or "none"
 * </pre>
 * Lists are comma separated; a method's keys are required on a date the method is in use.
 */
public class StandardProviderPaymentTerms implements ProviderPaymentTerms {

    public static final String METHODS = "payment.methods";
    public static final String PC = "payment.perCapita.";
    public static final String DIP = "payment.dip.";
    public static final String SEPARATELY_PAID = "payment.perItem.separatelyPaid";
    public static final String DRG = "payment.drg.";
    public static final String BED_DAY = "payment.bedDay.";

    private static final LevelKeys COEFFICIENT = new LevelKeys(DIP + "coefficient.");
    private static final LevelKeys DRG_COEFFICIENT = new LevelKeys(DRG + "coefficient.");
    private static final java.util.regex.Pattern RATE_KEY = java.util.regex.Pattern.compile("payment\\.bedDay\\.rate\\.([A-Z_]+)");
    private static final java.util.regex.Pattern BAND_KEY = java.util.regex.Pattern.compile("payment\\.bedDay\\.band\\.([0-9]+)\\.fromDay");

    private final ParameterTable table;

    public StandardProviderPaymentTerms(ParameterTable table) {
        this.table = table;
    }

    @Override
    public Set<ProviderPaymentMethod> methods(LocalDate date) {
        return table.find(METHODS, date)
                .map(p -> enumSet(p, ProviderPaymentMethod.class, ProviderPaymentMethod::valueOf))
                .orElse(EnumSet.noneOf(ProviderPaymentMethod.class));
    }

    @Override
    public Optional<PerCapitaTerms> perCapita(LocalDate date) {
        if (!methods(date).contains(ProviderPaymentMethod.PER_CAPITA)) {
            return Optional.empty();
        }
        Parameter basis = table.require(PC + "headcount", date);
        return Optional.of(new PerCapitaTerms(
                scope(PC, date),
                new Term<>(HeadcountBasis.valueOf(basis.text()), basis.display(), basis.citation()),
                table.money(PC + "ratePerPersonMonth", date),
                table.ratio(PC + "surplus.retainedShare", date),
                table.ratio(PC + "surplus.ceiling", date),
                table.ratio(PC + "overspend.fundShare", date),
                table.ratio(PC + "overspend.ceiling", date)));
    }

    @Override
    public Optional<DipTerms> dip(LocalDate date) {
        if (!methods(date).contains(ProviderPaymentMethod.DIP)) {
            return Optional.empty();
        }
        Map<InstitutionLevel, Term<Ratio>> coefficients = new EnumMap<>(InstitutionLevel.class);
        for (InstitutionLevel level : InstitutionLevel.values()) {
            table.find(COEFFICIENT.of(level), date).ifPresent(p -> coefficients.put(level, Term.of(p, Ratio.class)));
        }
        return Optional.of(new DipTerms(scope(DIP, date), table.ratio(DIP + "highRatio", date),
                table.ratio(DIP + "lowRatio", date), coefficients));
    }

    /**
     * {@code payment.drg.medTypes}, {@code .levels} (optional), {@code .highRatio}, {@code .lowRatio},
     * {@code .coefficient.<level>}: the shape of DIP's terms, for DRG relative weights.
     */
    @Override
    public Optional<DipTerms> drg(LocalDate date) {
        if (!methods(date).contains(ProviderPaymentMethod.DRG)) {
            return Optional.empty();
        }
        Map<InstitutionLevel, Term<Ratio>> coefficients = new EnumMap<>(InstitutionLevel.class);
        for (InstitutionLevel level : InstitutionLevel.values()) {
            table.find(DRG_COEFFICIENT.of(level), date).ifPresent(p -> coefficients.put(level, Term.of(p, Ratio.class)));
        }
        return Optional.of(new DipTerms(scope(DRG, date), table.ratio(DRG + "highRatio", date),
                table.ratio(DRG + "lowRatio", date), coefficients));
    }

    /**
     * {@code payment.bedDay.medTypes}, {@code .levels} (optional), {@code .rate.<CATEGORY>} (money per bed-day),
     * {@code .band.<n>.fromDay} (whole number, band 1 from day 1) with {@code .band.<n>.share} (ratio of the rate).
     */
    @Override
    public Optional<BedDayTerms> bedDay(LocalDate date) {
        if (!methods(date).contains(ProviderPaymentMethod.BED_DAY)) {
            return Optional.empty();
        }
        Map<String, Term<Money>> rates = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, BedDayTerms.Band> bands = new java.util.TreeMap<>();
        for (Parameter p : table.inForce(date)) {
            java.util.regex.Matcher rate = RATE_KEY.matcher(p.key());
            if (rate.matches()) {
                rates.put(rate.group(1), Term.of(p, Money.class));
            }
            java.util.regex.Matcher band = BAND_KEY.matcher(p.key());
            if (band.matches()) {
                int from = (Integer) p.value();
                bands.put(from, new BedDayTerms.Band(from, table.ratio(BED_DAY + "band." + band.group(1) + ".share", date)));
            }
        }
        return Optional.of(new BedDayTerms(scope(BED_DAY, date), rates, List.copyOf(bands.values())));
    }

    @Override
    public Optional<PerItemTerms> perItem(LocalDate date) {
        if (!methods(date).contains(ProviderPaymentMethod.PER_ITEM)) {
            return Optional.empty();
        }
        Parameter p = table.require(SEPARATELY_PAID, date);
        Set<String> codes = new LinkedHashSet<>(list(p));
        codes.remove("none");
        return Optional.of(new PerItemTerms(new Term<>(Set.copyOf(codes), p.display(), p.citation())));
    }

    @Override
    public ParameterTable parameters() {
        return table;
    }

    private PaymentScope scope(String prefix, LocalDate date) {
        Parameter medTypes = table.require(prefix + "medTypes", date);
        Optional<Parameter> levels = table.find(prefix + "levels", date);
        Set<InstitutionLevel> levelSet = levels.filter(p -> !"ALL".equals(p.text()))
                .map(p -> enumSet(p, InstitutionLevel.class, InstitutionLevel::valueOf))
                .orElse(EnumSet.noneOf(InstitutionLevel.class));
        String display = medTypes.display() + levels.map(p -> "; " + p.display()).orElse("");
        return new PaymentScope(enumSet(medTypes, MedicalType.class, MedicalType::valueOf), levelSet, display,
                medTypes.citation());
    }

    private static <E extends Enum<E>> Set<E> enumSet(Parameter p, Class<E> type, Function<String, E> parse) {
        EnumSet<E> set = EnumSet.noneOf(type);
        try {
            list(p).forEach(name -> set.add(parse.apply(name.toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(p.display() + ": not a list of " + type.getSimpleName(), e);
        }
        return set;
    }

    private static List<String> list(Parameter p) {
        return Arrays.stream(p.text().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

}
