package org.gongji.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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

/** Response bodies of API.md, field for field. */
final class Views {

    private Views() {
    }

    static String cite(Citation c) {
        return c == null ? null : c.toString();
    }

    // --- regions ---

    record ViolationView(String boundId, String parameter, String actual, String bound, String citation, LocalDate from) {
        static ViolationView of(BoundViolation v) {
            return new ViolationView(v.boundId(), v.parameter(), v.actual(), v.bound(), cite(v.citation()), v.from());
        }
    }

    record ConformanceView(String status, String checkedAgainst, List<ViolationView> violations) {
        static ConformanceView of(ConformanceReport r) {
            return new ConformanceView(r.status().name(), r.checkedAgainst() == null ? null : r.checkedAgainst().value(),
                    r.violations().stream().map(ViolationView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RegionView(String code, String name, String parent, String bundleVersion, LocalDate effectiveFrom,
            String basis, List<String> provides, String status, ConformanceView conformance, String problem) {
        static RegionView of(RegionDeployment d) {
            RegionMetadata m = d.region().map(r -> r.metadata()).orElse(null);
            return new RegionView(d.code() == null ? null : d.code().value(), m == null ? null : m.name(),
                    m == null || m.parent() == null ? null : m.parent().value(), d.bundleVersion(),
                    m == null ? null : m.effectiveFrom(), m == null ? null : cite(m.basis()), d.provides(),
                    d.status().name(), ConformanceView.of(d.conformance()), d.problem());
        }
    }

    record ParameterView(String key, Object value, String text, LocalDate effectiveFrom, String citation,
            boolean assumption, String note) {
        static ParameterView of(Parameter p) {
            return new ParameterView(p.key(), p.value(), p.text(), p.effectiveFrom(), cite(p.citation()),
                    p.assumption(), p.note());
        }
    }

    record RulesView(String region, String name, LocalDate date, List<ParameterView> parameters) {
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

    record FamilyView(String personId, Relation relation) {
    }

    record RecognitionView(String code, LocalDate from, LocalDate to) {
    }

    /** A version of what decides the person's benefits, from its date until the next version's. */
    record PersonVersionView(LocalDate effectiveFrom, PersonCategory category, Money monthlyContributionBase,
            LocalDate retirementDate, List<FamilyView> family) {
        static PersonVersionView of(PersonVersion v) {
            return new PersonVersionView(v.from(), v.category(), v.monthlyContributionBase(), v.retirementDate(),
                    v.family().stream().map(f -> new FamilyView(f.personId(), f.relation())).toList());
        }
    }

    /**
     * The person with the version in force on the date asked for (the latest without a date);
     * {@code effectiveFrom} is that version's first day, {@code versions} every version, oldest first.
     */
    record PersonView(String personId, String name, LocalDate birthDate, PersonCategory category, String region,
            Money monthlyContributionBase, LocalDate retirementDate, String familyDoctorInstitutionId,
            List<RecognitionView> chronicDiseases, List<FamilyView> family, LocalDate effectiveFrom,
            List<PersonVersionView> versions) {
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

    record InstitutionView(String institutionId, String name, String region, InstitutionLevel level, boolean provincial) {
        static InstitutionView of(Institution i) {
            return new InstitutionView(i.id(), i.name(), i.region().value(), i.level(), i.provincial());
        }
    }

    // --- settlements ---

    record TraceView(String step, Money amount, String parameter, String citation) {
    }

    record LineView(String code, String name, CatalogueClass catalogueClass, Money amount, Ratio preSelfPayRatio) {
    }

    record SettlementView(String settlementId, String status, String personId, String institutionId, LocalDate date,
            String region, MedicalType medType, String diseaseCode, Money totalAmount, Money fullySelfPaid,
            Money preSelfPaid, Money inScopeAmount, Money deductiblePaid, Ratio poolRatio, Money poolPaid,
            Money overCapSelfPaid, Money criticalIllnessPaid, Money separatelyPaid, Money fundPaid, Money personalPart,
            Money accountPaid, Money cashPaid, Money accountBalance, List<LineView> lines, List<TraceView> trace, Instant bookedAt,
            Instant reversedAt, String bookedBy, String reversedBy, String crossRegion) {
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

    record UsageView(Money deductiblePaid, Money poolPaid, int visits) {
        static UsageView of(Usage u) {
            return new UsageView(u.deductiblePaid(), u.poolPaid(), u.visits());
        }
    }

    record AccumulatorsView(String personId, int year, Map<Benefit, UsageView> benefits, Money fundCapUsed,
            int admissions, Money criticalIllnessBase, Money criticalIllnessPaid, Map<String, UsageView> pools) {
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

    record EntryView(long sequence, LocalDate date, Money amount, String kind, String reference, String note,
            Money balanceAfter) {
        static EntryView of(LedgerEntry e) {
            // money leaving the account is negative
            return new EntryView(e.sequence(), e.date(), e.amount(), e.kind().name(), e.reference(), e.note(),
                    e.balanceAfter());
        }
    }

    record AccountView(String personId, Money balance, List<EntryView> entries) {
        static AccountView of(AccountStatement s) {
            return new AccountView(s.personId(), s.balance(), s.entries().stream().map(EntryView::of).toList());
        }
    }

    record CreditingView(String region, YearMonth month, int personsCredited, Money totalCredited,
            int personsAlreadyCredited, int personsWithoutCredit) {
        static CreditingView of(CreditingResult r) {
            return new CreditingView(r.region().value(), r.month(), r.personsCredited(), r.totalCredited(),
                    r.personsAlreadyCredited(), r.personsWithoutCredit());
        }
    }

    record PaymentView(String paymentId, String personId, String beneficiaryPersonId, Relation relation,
            AccountPurpose purpose, Money amount, LocalDate date, Money balance, String rule, String citation) {
        static PaymentView of(PaymentRecord p) {
            return new PaymentView(p.paymentId(), p.payerPersonId(), p.beneficiaryPersonId(), p.relation(), p.purpose(),
                    p.amount(), p.date(), p.balanceAfter(), p.rule(), cite(p.citation()));
        }
    }
}
