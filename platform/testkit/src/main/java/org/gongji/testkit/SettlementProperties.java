package org.gongji.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.spi.benefit.BenefitContext;
import org.gongji.api.spi.benefit.BenefitTerms;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.spi.region.Region;
import org.gongji.api.visit.CatalogueClass;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.api.visit.Visit;
import org.gongji.engine.Breakdown;
import org.gongji.engine.SettlementEngine;
import org.gongji.engine.SettlementRequest;
import org.gongji.engine.SettlementResult;
import org.junit.jupiter.api.Assertions;

/**
 * The invariants every region must keep, checked over many generated visits (fixed seed, so a
 * failure reproduces): total = fund + personal; personal = account + cash; pool pay never above
 * ratio × (in-scope − deductible); a year's pooled pay never above the benefit's cap nor the fund's.
 */
public final class SettlementProperties {

    private static final InstitutionLevel[] LEVELS = InstitutionLevel.values();

    private final Region region;
    private final Random random;
    private final SettlementEngine engine = new SettlementEngine();
    private int settled;

    private SettlementProperties(Region region, long seed) {
        this.region = region;
        this.random = new Random(seed);
    }

    /**
     * Settles {@code persons × visitsPerPerson} generated visits from the region's first day on
     * and asserts the invariants after each; returns how many settled (refusals are skipped).
     */
    public static int check(Region region, long seed, int persons, int visitsPerPerson) {
        SettlementProperties p = new SettlementProperties(region, seed);
        for (int i = 0; i < persons; i++) {
            p.person(i, visitsPerPerson);
        }
        Assertions.assertTrue(p.settled > persons * visitsPerPerson / 2, "most generated visits should settle: " + p.settled);
        return p.settled;
    }

    private void person(int index, int visits) {
        boolean retired = random.nextBoolean();
        Person person = new Person("gen-" + index, "generated", region.metadata().code(), LocalDate.of(1950 + random.nextInt(40), 1 + random.nextInt(12), 1),
                retired ? PersonCategory.RETIRED : PersonCategory.EMPLOYED, retired ? LocalDate.of(2010, 1, 1) : null,
                Money.ofYuan(3000 + random.nextInt(9000)), random.nextBoolean() ? "primary-gen" : null, null, null);
        LocalDate date = region.metadata().effectiveFrom();
        YearToDate ytd = null;
        Money balance = Money.ofYuan(random.nextInt(3000));
        for (int v = 0; v < visits; v++) {
            date = date.plusDays(1 + random.nextInt(20));
            Visit visit = visit(date);
            SettlementResult result;
            try {
                result = engine.settle(new SettlementRequest(person, visit, region, ytd, balance, random.nextInt(4) > 0));
            } catch (GongjiException refused) {
                continue;
            }
            assertInvariants(person, visit, ytd, balance, result);
            ytd = result.yearToDate();
            balance = result.breakdown().accountBalance();
            settled++;
        }
    }

    private Visit visit(LocalDate date) {
        InstitutionLevel level = LEVELS[random.nextInt(LEVELS.length)];
        MedicalType type = region.inpatientCoverage().isPresent() && level != InstitutionLevel.PHARMACY && random.nextInt(5) == 0
                ? MedicalType.INPATIENT : MedicalType.GENERAL_OUTPATIENT;
        Institution institution = new Institution(level == InstitutionLevel.PRIMARY && random.nextBoolean() ? "primary-gen" : level + "-gen",
                "generated", region.metadata().code(), level, level == InstitutionLevel.TERTIARY && random.nextBoolean());
        List<FeeLine> lines = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        long scale = type == MedicalType.INPATIENT ? 2_000_000 : 60_000;
        for (int i = 0; i < n; i++) {
            CatalogueClass c = CatalogueClass.values()[random.nextInt(3)];
            Money amount = Money.ofFen(1 + (long) (random.nextDouble() * scale));
            Ratio pre = c == CatalogueClass.B ? new Ratio(random.nextInt(3001)) : Ratio.ZERO;
            lines.add(new FeeLine("G" + i, "generated", c, amount, pre));
        }
        return new Visit(date, type, institution, null, lines);
    }

    private void assertInvariants(Person person, Visit visit, YearToDate before, Money balance, SettlementResult result) {
        Breakdown b = result.breakdown();
        String where = visit + " of " + person.id();
        Assertions.assertEquals(b.totalAmount(), b.fundPaid().plus(b.personalPart()), where);
        Assertions.assertEquals(b.personalPart(), b.accountPaid().plus(b.cashPaid()), where);
        Assertions.assertFalse(b.accountPaid().greaterThan(balance), where);
        Assertions.assertFalse(b.accountBalance().isNegative(), where);
        Assertions.assertFalse(b.deductiblePaid().greaterThan(b.inScopeAmount()), where);
        Money ratioShare = b.inScopeAmount().minus(b.deductiblePaid()).times(b.poolRatio());
        Assertions.assertFalse(b.poolPaid().greaterThan(ratioShare), where);
        Assertions.assertEquals(ratioShare, b.poolPaid().plus(b.overCapSelfPaid()), where);

        BenefitTerms terms = termsOf(person, visit, before == null || before.year() != visit.date().getYear()
                ? YearToDate.empty(visit.date().getYear()) : before);
        YearToDate after = result.yearToDate();
        if (terms.benefitCap() != null) {
            Assertions.assertFalse(after.usage(terms.benefit()).poolPaid().greaterThan(terms.benefitCap().value()),
                    where + ": benefit cap");
        }
        if (terms.fundCap() != null) {
            Assertions.assertFalse(after.fundCapUsed().greaterThan(terms.fundCap().value()), where + ": fund cap");
        }
    }

    private BenefitTerms termsOf(Person person, Visit visit, YearToDate ytd) {
        BenefitContext context = new BenefitContext(person, visit, ytd);
        return visit.medType() == MedicalType.INPATIENT
                ? region.inpatientCoverage().orElseThrow().inpatient(context)
                : region.outpatientPooling().orElseThrow().generalOutpatient(context);
    }
}
