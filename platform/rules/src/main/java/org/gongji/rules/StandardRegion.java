package org.gongji.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gongji.api.region.Citation;
import org.gongji.api.region.RegionCode;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.chronic.ChronicDiseaseCoverage;
import org.gongji.api.spi.critical.CriticalIllnessCoverage;
import org.gongji.api.spi.drug.SeparatelyPaidDrugs;
import org.gongji.api.spi.inpatient.InpatientCoverage;
import org.gongji.api.spi.payment.ProviderPaymentTerms;
import org.gongji.api.spi.pooling.OutpatientPooling;
import org.gongji.api.spi.region.Bound;
import org.gongji.api.spi.region.Region;
import org.gongji.api.spi.region.RegionMetadata;
import org.gongji.rules.internal.StandardAccountCrediting;
import org.gongji.rules.internal.StandardBounds;
import org.gongji.rules.internal.StandardChronicDiseaseCoverage;
import org.gongji.rules.internal.StandardCriticalIllnessCoverage;
import org.gongji.rules.internal.StandardInpatientCoverage;
import org.gongji.rules.internal.StandardOutpatientPooling;
import org.gongji.rules.internal.StandardProviderPaymentTerms;
import org.gongji.rules.vocabulary.TableRefused;
import org.gongji.rules.vocabulary.Vocabulary;
import org.gongji.rules.internal.StandardSeparatelyPaidDrugs;

/**
 * A region whose rules are its parameter table read by the standard implementations. Metadata
 * comes from the keys {@code region.code}, {@code region.name}, {@code region.parent} (cities),
 * and {@code region.effectiveFrom} (whose citation is the region's basis document). A benefit is
 * provided when its keys are present. A province declares the bounds it sets on its cities as
 * {@code bound.*} rows ({@link StandardBounds}). A region bundle is usually a subclass that names its table.
 */
public class StandardRegion implements Region {

    public static final String CODE = "region.code";
    public static final String NAME = "region.name";
    public static final String PARENT = "region.parent";
    public static final String EFFECTIVE_FROM = "region.effectiveFrom";

    private final ParameterTable table;
    private final RegionMetadata metadata;
    private final Optional<OutpatientPooling> pooling;
    private final Optional<ChronicDiseaseCoverage> chronic;
    private final Optional<InpatientCoverage> inpatient;
    private final Optional<AccountCrediting> account;
    private final List<Bound> bounds;
    private final Optional<CriticalIllnessCoverage> critical;
    private final Optional<ProviderPaymentTerms> payment;
    private final Optional<SeparatelyPaidDrugs> drugs;

    private final Vocabulary vocabulary;

    /**
     * @throws TableRefused when the table holds a key the standard vocabulary does not know, a value
     *         of the wrong kind, or lacks a required key
     */
    public StandardRegion(ParameterTable table) {
        this(table, Vocabulary.standard());
    }

    /** A region whose own code reads keys beyond the standard ones: {@code Vocabulary.standard().with(...)}. */
    protected StandardRegion(ParameterTable table, Vocabulary vocabulary) {
        vocabulary.require(table);
        this.vocabulary = vocabulary;
        this.table = table;
        this.metadata = metadataOf(table);
        this.pooling = table.has(StandardOutpatientPooling.DEDUCTIBLE_MODE)
                ? Optional.of(new StandardOutpatientPooling(table)) : Optional.empty();
        this.chronic = StandardChronicDiseaseCoverage.provided(table)
                ? Optional.of(new StandardChronicDiseaseCoverage(table, pooling.orElse(null))) : Optional.empty();
        this.inpatient = table.has("inpatient.deductible.tertiary")
                ? Optional.of(new StandardInpatientCoverage(table)) : Optional.empty();
        this.account = table.has(StandardAccountCrediting.OWN_RATE)
                ? Optional.of(new StandardAccountCrediting(table, metadata.basis())) : Optional.empty();
        this.bounds = StandardBounds.of(table);
        this.critical = table.has(StandardCriticalIllnessCoverage.DEDUCTIBLE)
                ? Optional.of(new StandardCriticalIllnessCoverage(table)) : Optional.empty();
        this.drugs = StandardSeparatelyPaidDrugs.provided(table)
                ? Optional.of(new StandardSeparatelyPaidDrugs(table)) : Optional.empty();
        this.payment = table.has(StandardProviderPaymentTerms.METHODS)
                ? Optional.of(new StandardProviderPaymentTerms(table)) : Optional.empty();
    }

    /**
     * The chronic and special-disease catalogue a table lists on a date ({@code chronic.disease.*}), with
     * the terms of each disease where the table sets them: for a province that sets its cities' catalogue
     * but settles nothing itself.
     */
    public static List<org.gongji.api.spi.chronic.ChronicDisease> chronicCatalogue(ParameterTable table, LocalDate date) {
        return new StandardChronicDiseaseCoverage(table, null).diseases(date);
    }

    /**
     * Reads the table from a resource of the region bundle's own class loader and checks it against
     * the standard vocabulary, naming the line of each problem.
     */
    public static ParameterTable table(Class<?> regionClass, String resource) {
        return table(regionClass.getResource(resource), resource, Vocabulary.standard());
    }

    /**
     * The region of a table on the class path, e.g. {@code rules/410800-jiaozuo.txt} of a region jar
     * the tests or a command-line tool have on their class path (in the runtime, the extender reads
     * region jars).
     */
    public static StandardRegion ofResource(String table) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = loader == null ? null : loader.getResource(table);
        if (url == null) {
            url = StandardRegion.class.getClassLoader().getResource(table);
        }
        return new StandardRegion(table(url, table, Vocabulary.standard()));
    }

    /** Reads and checks a region table ({@code name} as problems name it, e.g. {@code rules/410800-jiaozuo.txt}). */
    public static ParameterTable table(URL url, String name, Vocabulary vocabulary) {
        if (url == null) {
            throw new IllegalArgumentException("no table " + name);
        }
        try (InputStream in = url.openStream()) {
            return ParameterTableReader.read(name, in, vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + name, e);
        }
    }

    /**
     * This region with a bureau's dated overrides on top of its table (an entry for an existing
     * key and date replaces it): every standard benefit and bound is rebuilt from the new table.
     * Used by the runtime for Config Admin overrides, so that no region bundle needs code for them.
     * A subclass that adds code beyond the standard keys overrides this to keep that code.
     */
    public Region withOverrides(String source, Collection<Parameter> overrides) {
        return new StandardRegion(table.with(source, overrides), vocabulary);
    }

    private static RegionMetadata metadataOf(ParameterTable table) {
        if (table.earliest().isEmpty()) {
            throw new IllegalArgumentException("empty parameter table " + table.source());
        }
        Parameter effective = table.find(EFFECTIVE_FROM, LocalDate.MAX)
                .orElseThrow(() -> new IllegalArgumentException(EFFECTIVE_FROM + " missing in " + table.source()));
        Citation basis = effective.citation();
        return new RegionMetadata(
                RegionCode.of(table.text(CODE, LocalDate.MAX)),
                table.text(NAME, LocalDate.MAX),
                table.find(PARENT, LocalDate.MAX).map(p -> RegionCode.of(p.text())).orElse(null),
                (LocalDate) effective.value(),
                basis.document().isEmpty() ? Citation.of(table.source(), "") : basis);
    }

    @Override
    public RegionMetadata metadata() {
        return metadata;
    }

    @Override
    public ParameterTable parameters() {
        return table;
    }

    @Override
    public Optional<OutpatientPooling> outpatientPooling() {
        return pooling;
    }

    @Override
    public Optional<ChronicDiseaseCoverage> chronicDiseaseCoverage() {
        return chronic;
    }

    @Override
    public Optional<InpatientCoverage> inpatientCoverage() {
        return inpatient;
    }

    @Override
    public Optional<AccountCrediting> accountCrediting() {
        return account;
    }

    @Override
    public Optional<ProviderPaymentTerms> providerPayment() {
        return payment;
    }

    @Override
    public Optional<CriticalIllnessCoverage> criticalIllnessCoverage() {
        return critical;
    }

    /** {@code crossRegion.<province|national>.filingRequired} (yes | no) and {@code .unfiledRatioReduction} (points). */
    public static final String CROSS_REGION = "crossRegion.";

    @Override
    public Optional<org.gongji.api.spi.benefit.CrossRegionTerms> crossRegion(org.gongji.api.spi.benefit.CrossRegion scope,
            LocalDate date) {
        String prefix = CROSS_REGION + scope.name().toLowerCase(java.util.Locale.ROOT) + ".";
        Parameter required = table.lookup(prefix + "filingRequired", date);
        if (required == null) {
            return Optional.empty();
        }
        Parameter less = table.lookup(prefix + "unfiledRatioReduction", date);
        return Optional.of(new org.gongji.api.spi.benefit.CrossRegionTerms(scope,
                new org.gongji.api.rules.Term<>("yes".equals(required.text()), required.display(), required.citation()),
                less == null ? null : org.gongji.api.rules.Term.of(less, org.gongji.api.money.Ratio.class)));
    }

    @Override
    public Optional<SeparatelyPaidDrugs> separatelyPaidDrugs() {
        return drugs;
    }

    @Override
    public List<Bound> bounds() {
        return bounds;
    }
}
