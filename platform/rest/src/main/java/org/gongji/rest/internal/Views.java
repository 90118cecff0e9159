package org.gongji.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Relation;
import org.gongji.api.region.Citation;
import org.gongji.api.rules.Parameter;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.Usage;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.BoundViolation;
import org.gongji.api.spi.region.RegionMetadata;
import org.gongji.api.visit.CatalogueClass;
import org.gongji.api.visit.MedicalType;
import org.gongji.engine.Breakdown;
import org.gongji.engine.conformance.ConformanceReport;
import org.gongji.engine.registry.RegionDeployment;
import org.gongji.rules.vocabulary.Key;
import org.gongji.rules.vocabulary.Section;
import org.gongji.rules.vocabulary.Vocabulary;
import org.gongji.store.PersonVersion;
import org.gongji.store.AccountStatement;
import org.gongji.store.CreditingResult;
import org.gongji.store.LedgerEntry;
import org.gongji.store.PaymentRecord;
import org.gongji.store.SettlementRecord;

/**
 * Response bodies of API.md, field for field. Every field is always present (the OpenAPI generator
 * makes them required); a field that may be {@code null} says so with {@code @Schema(nullable = true)}.
 */
final class Views {

    private Views() {
    }

    static String cite(Citation c) {
        return c == null ? null : c.toString();
    }

    // --- regions ---

    static final String OMITTED_FOR_INSTITUTION = "left out for an INSTITUTION client";

    @Schema(name = "BoundViolation")
    record ViolationView(String boundId, String parameter, String actual, String bound, @Schema(nullable = true) String citation,
            @Schema(nullable = true) LocalDate from) {
        static ViolationView of(BoundViolation v) {
            return new ViolationView(v.boundId(), v.parameter(), v.actual(), v.bound(), cite(v.citation()), v.from());
        }
    }

    @Schema(name = "Conformance")
    record ConformanceView(@Schema(allowableValues = {"CONFORMS", "VIOLATES", "NOT_CHECKED"}) String status,
            @Schema(nullable = true, description = "the province whose bounds were checked") String checkedAgainst,
            List<ViolationView> violations) {
        static ConformanceView of(ConformanceReport r) {
            return new ConformanceView(r.status().name(), r.checkedAgainst() == null ? null : r.checkedAgainst().value(),
                    r.violations().stream().map(ViolationView::of).toList());
        }
    }

    @Schema(name = "Region")
    record RegionView(String code, @Schema(nullable = true) String name, @Schema(nullable = true) String parent,
            @Schema(nullable = true) String bundleVersion, @Schema(nullable = true) LocalDate effectiveFrom,
            @Schema(nullable = true, description = "the document the rules rest on") String basis, List<String> provides,
            String status, ConformanceView conformance,
            @Schema(nullable = true, description = "why the region does not serve") String problem) {
        static RegionView of(RegionDeployment d) {
            RegionMetadata m = d.region().map(r -> r.metadata()).orElse(null);
            return new RegionView(d.code() == null ? null : d.code().value(), m == null ? null : m.name(),
                    m == null || m.parent() == null ? null : m.parent().value(), d.bundleVersion(),
                    m == null ? null : m.effectiveFrom(), m == null ? null : cite(m.basis()), d.provides(),
                    d.status().name(), ConformanceView.of(d.conformance()), d.problem());
        }
    }

    @Schema(name = "Parameter")
    record ParameterView(String key,
            @Schema(description = "a number, text, flag or list, by the parameter's kind") Object value,
            @Schema(nullable = true) String text, LocalDate effectiveFrom, @Schema(nullable = true) String citation,
            @Schema(description = "true where no document sets the value") boolean assumption,
            @Schema(nullable = true) String note) {
        static ParameterView of(Parameter p) {
            return new ParameterView(p.key(), p.value(), p.text(), p.effectiveFrom(), cite(p.citation()),
                    p.assumption(), p.note());
        }
    }

    @Schema(name = "Rules")
    record RulesView(String region, @Schema(nullable = true) String name, LocalDate date, List<ParameterView> parameters) {
    }

    // --- the key vocabulary ---

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SectionView(String name, String title, String presentWhen) {
        static SectionView of(Section s) {
            return new SectionView(s.name(), s.title(), s.trigger());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyView(String key, String kind, String unit, String description, String section, boolean required,
            String requiredWhen, @JsonProperty("default") String defaultValue, List<String> values, String separator,
            Map<String, List<String>> placeholders) {
        static KeyView of(Key k) {
            return new KeyView(k.name(), k.kind().name(), k.unit(), k.description(), k.section().name(), k.required(),
                    k.requiredWhen(), k.defaultValue(), k.values().isEmpty() ? null : k.values(), k.separator(),
                    k.placeholders().isEmpty() ? null : new TreeMap<>(k.placeholders()));
        }
    }

    record VocabularyView(List<SectionView> sections, List<KeyView> keys, List<String> boundKinds, String bounds) {
        static VocabularyView of(Vocabulary v) {
            return new VocabularyView(v.sections().stream().map(SectionView::of).toList(),
                    v.keys().stream().map(KeyView::of).toList(), Vocabulary.BOUND_KINDS,
                    "省级界限: bound.<target>.<kind> | 界限值 | 起始日期 | 出处 | 说明; target 为上列一个键, 或一组键"
                            + " (outpatient.deductible, outpatient.ratio, outpatient.cap: 各级或在职与退休; outpatient.ratio.retired:"
                            + " 各级比例加退休人员提高的百分点); .about 与 .aboutShareOfAverageWage 可另设 .tolerance (百分点)");
        }
    }

    // --- persons and institutions ---

    @Schema(name = "FamilyMember")
    record FamilyView(String personId, Relation relation) {
    }

    @Schema(name = "Recognition")
    record RecognitionView(String code, LocalDate from, @Schema(nullable = true) LocalDate to) {
    }

    /** A version of what decides the person's benefits, from its date until the next version's. */
    @Schema(name = "PersonVersion")
    record PersonVersionView(LocalDate effectiveFrom, PersonCategory category,
            @Schema(nullable = true) Money monthlyContributionBase, @Schema(nullable = true) LocalDate retirementDate,
            List<FamilyView> family) {
        static PersonVersionView of(PersonVersion v) {
            return new PersonVersionView(v.from(), v.category(), v.monthlyContributionBase(), v.retirementDate(),
                    v.family().stream().map(f -> new FamilyView(f.personId(), f.relation())).toList());
        }
    }

    /**
     * The person with the version in force on the date asked for (the latest without a date);
     * {@code effectiveFrom} is that version's first day, {@code versions} every version, oldest first.
     */
    @Schema(name = "Person")
    record PersonView(String personId, @Schema(nullable = true) String name, LocalDate birthDate, PersonCategory category,
            String region,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = OMITTED_FOR_INSTITUTION)
            Money monthlyContributionBase,
            @Schema(nullable = true) LocalDate retirementDate,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                    description = "left out for an INSTITUTION client unless it is the person's family doctor")
            String familyDoctorInstitutionId,
            List<RecognitionView> chronicDiseases,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = OMITTED_FOR_INSTITUTION)
            List<FamilyView> family,
            @Schema(nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED) LocalDate effectiveFrom,
            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<PersonVersionView> versions) {
        static PersonView of(Person p, List<PersonVersion> versions, LocalDate date) {
            LocalDate from = null;
            for (PersonVersion v : versions) {
                if (from == null || date == null || !v.from().isAfter(date)) {
                    from = v.from();
                }
            }
            return new PersonView(p.id(), p.name(), p.birthDate(), p.category(), p.region().value(),
                    p.monthlyContributionBase(), p.retirementDate(), p.familyDoctorInstitutionId(),
                    p.chronicDiseases().stream()
                            .sorted(java.util.Comparator.comparing(ChronicRecognition::code).thenComparing(c -> c.from()))
                            .map(c -> new RecognitionView(c.code(), c.from(), c.to())).toList(),
                    p.family().stream().map(f -> new FamilyView(f.personId(), f.relation())).toList(), from,
                    versions.stream().map(PersonVersionView::of).toList());
        }
    }

    @Schema(name = "Institution")
    record InstitutionView(String institutionId, @Schema(nullable = true) String name, String region,
            InstitutionLevel level, boolean provincial) {
        static InstitutionView of(Institution i) {
            return new InstitutionView(i.id(), i.name(), i.region().value(), i.level(), i.provincial());
        }
    }

    // --- settlements ---

    @Schema(name = "TraceEntry")
    record TraceView(String step, @Schema(nullable = true) Money amount, @Schema(nullable = true) String parameter,
            @Schema(nullable = true) String citation) {
    }

    @Schema(name = "FeeLine")
    record LineView(@Schema(nullable = true) String code, @Schema(nullable = true) String name,
            CatalogueClass catalogueClass, Money amount, @Schema(nullable = true) Ratio preSelfPayRatio) {
    }

    @Schema(name = "Settlement")
    record SettlementView(@Schema(nullable = true, description = "null in a preview") String settlementId,
            @Schema(allowableValues = {"PREVIEW", "BOOKED", "REVERSED"}) String status, String personId,
            String institutionId, LocalDate date, String region, MedicalType medType,
            @Schema(nullable = true) String diseaseCode, Money totalAmount, Money fullySelfPaid,
            Money preSelfPaid, Money inScopeAmount, Money deductiblePaid, Ratio poolRatio, Money poolPaid,
            Money overCapSelfPaid, Money criticalIllnessPaid, Money separatelyPaid, Money fundPaid, Money personalPart,
            Money accountPaid, Money cashPaid, Money accountBalance, List<LineView> lines, List<TraceView> trace,
            @Schema(nullable = true, description = "null in a preview") Instant bookedAt,
            @Schema(nullable = true) Instant reversedAt,
            @Schema(nullable = true, description = "the client that booked it (null in a preview)") String bookedBy,
            @Schema(nullable = true, description = "the client that reversed it") String reversedBy,
            @Schema(nullable = true, allowableValues = {"PROVINCE", "NATIONAL"}, description = "care in another region: where") String crossRegion) {
        static SettlementView of(SettlementRecord s) {
            Breakdown b = s.breakdown();
            return new SettlementView(s.id(), s.status().name(), s.personId(), s.institutionId(), s.date(),
                    b.region().value(), b.medType(), s.diseaseCode(), b.totalAmount(), b.fullySelfPaid(), b.preSelfPaid(),
                    b.inScopeAmount(), b.deductiblePaid(), b.poolRatio(), b.poolPaid(), b.overCapSelfPaid(),
                    b.criticalIllnessPaid(), b.separatelyPaid(), b.fundPaid(), b.personalPart(), b.accountPaid(), b.cashPaid(),
                    b.accountBalance(),
                    s.lines().stream().map(l -> new LineView(l.code(), l.name(), l.catalogueClass(), l.amount(),
                            l.preSelfPayRatio())).toList(),
                    s.trace().stream().map(t -> new TraceView(t.step(), t.amount(), t.parameter(), cite(t.citation())))
                            .toList(),
                    s.bookedAt(), s.reversedAt(), s.bookedBy(), s.reversedBy(),
                    b.crossRegion() == null ? null : b.crossRegion().name());
        }
    }

    @Schema(name = "Usage")
    record UsageView(Money deductiblePaid, Money poolPaid, int visits) {
        static UsageView of(Usage u) {
            return new UsageView(u.deductiblePaid(), u.poolPaid(), u.visits());
        }
    }

    @Schema(name = "Accumulators")
    record AccumulatorsView(String personId, int year,
            @Schema(description = "per benefit (GENERAL_OUTPATIENT, ...)") Map<Benefit, UsageView> benefits, Money fundCapUsed,
            int admissions, Money criticalIllnessBase, Money criticalIllnessPaid,
            @Schema(description = "named accumulator pools (chronic:<CODE>, chronic.group:<G>, ...)") Map<String, UsageView> pools) {
        static AccumulatorsView of(String personId, YearToDate y) {
            Map<Benefit, UsageView> benefits = new TreeMap<>();
            for (Benefit b : Benefit.values()) {
                benefits.put(b, UsageView.of(y.usage(b)));
            }
            // named pools: a chronic disease (chronic:M03900), a group of diseases (chronic.group:SPECIAL), a drug (drug:XL01XC03)
            Map<String, UsageView> pools = new TreeMap<>();
            y.pools().forEach((k, u) -> pools.put(k, UsageView.of(u)));
            return new AccumulatorsView(personId, y.year(), benefits, y.fundCapUsed(), y.admissions(),
                    y.criticalIllnessBase(), y.criticalIllnessPaid(), pools);
        }
    }

    // --- accounts ---

    @Schema(name = "LedgerEntry")
    record EntryView(long sequence, LocalDate date, @Schema(description = "money leaving the account is negative") Money amount,
            String kind, @Schema(nullable = true) String reference, @Schema(nullable = true) String note,
            Money balanceAfter) {
        static EntryView of(LedgerEntry e) {
            // money leaving the account is negative
            return new EntryView(e.sequence(), e.date(), e.amount(), e.kind().name(), e.reference(), e.note(),
                    e.balanceAfter());
        }
    }

    @Schema(name = "Account")
    record AccountView(String personId, Money balance, List<EntryView> entries) {
        static AccountView of(AccountStatement s) {
            return new AccountView(s.personId(), s.balance(), s.entries().stream().map(EntryView::of).toList());
        }
    }

    @Schema(name = "Crediting")
    record CreditingView(String region, YearMonth month, int personsCredited, Money totalCredited,
            int personsAlreadyCredited, int personsWithoutCredit) {
        static CreditingView of(CreditingResult r) {
            return new CreditingView(r.region().value(), r.month(), r.personsCredited(), r.totalCredited(),
                    r.personsAlreadyCredited(), r.personsWithoutCredit());
        }
    }

    @Schema(name = "Payment")
    record PaymentView(String paymentId, String personId, String beneficiaryPersonId, Relation relation,
            AccountPurpose purpose, Money amount, LocalDate date, Money balance, @Schema(nullable = true) String rule,
            @Schema(nullable = true) String citation) {
        static PaymentView of(PaymentRecord p) {
            return new PaymentView(p.paymentId(), p.payerPersonId(), p.beneficiaryPersonId(), p.relation(), p.purpose(),
                    p.amount(), p.date(), p.balanceAfter(), p.rule(), cite(p.citation()));
        }
    }
}
