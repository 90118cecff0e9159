package org.gongji.engine.simulation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Rounding;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.engine.Breakdown;

/** Sums of one side of a simulation, built person by person; tallies of different threads merge. */
final class Tally {

    private long claims;
    private final Map<String, Long> refused = new TreeMap<>();
    private long fund;
    private long pool;
    private long critical;
    private long account;
    private long cash;
    private long personal;
    private final Map<Benefit, Long> poolByBenefit = new EnumMap<>(Benefit.class);
    private final Map<PersonCategory, Long> poolByCategory = new EnumMap<>(PersonCategory.class);
    private final Map<InstitutionLevel, Long> poolByLevel = new EnumMap<>(InstitutionLevel.class);
    private final Map<Benefit, Long> reachingCap = new EnumMap<>(Benefit.class);
    private final Map<YearMonth, Long> fundByMonth = new HashMap<>();
    private final List<Long> personalPerPerson = new ArrayList<>();

    /** The running figures of one person, added to the tally once the person's year is settled. */
    final class PersonYear {
        private long personalPart;
        private final Set<Benefit> capped = EnumSet.noneOf(Benefit.class);

        void settled(Claim claim, Benefit benefit, Breakdown b) {
            claims++;
            fund += b.fundPaid().fen();
            pool += b.poolPaid().fen();
            critical += b.criticalIllnessPaid().fen();
            account += b.accountPaid().fen();
            cash += b.cashPaid().fen();
            personal += b.personalPart().fen();
            personalPart += b.personalPart().fen();
            poolByBenefit.merge(benefit, b.poolPaid().fen(), Long::sum);
            poolByCategory.merge(claim.person().categoryOn(claim.visit().date()), b.poolPaid().fen(), Long::sum);
            poolByLevel.merge(claim.visit().institution().level(), b.poolPaid().fen(), Long::sum);
            fundByMonth.merge(YearMonth.from(claim.visit().date()), b.fundPaid().fen(), Long::sum);
            if (b.overCapSelfPaid().isPositive()) {
                capped.add(benefit);
            }
        }

        void refused(String code) {
            refused.merge(code, 1L, Long::sum);
        }

        void close() {
            personalPerPerson.add(personalPart);
            capped.forEach(benefit -> reachingCap.merge(benefit, 1L, Long::sum));
        }
    }

    PersonYear person() {
        return new PersonYear();
    }

    Tally merge(Tally other) {
        claims += other.claims;
        other.refused.forEach((k, v) -> refused.merge(k, v, Long::sum));
        fund += other.fund;
        pool += other.pool;
        critical += other.critical;
        account += other.account;
        cash += other.cash;
        personal += other.personal;
        other.poolByBenefit.forEach((k, v) -> poolByBenefit.merge(k, v, Long::sum));
        other.poolByCategory.forEach((k, v) -> poolByCategory.merge(k, v, Long::sum));
        other.poolByLevel.forEach((k, v) -> poolByLevel.merge(k, v, Long::sum));
        other.reachingCap.forEach((k, v) -> reachingCap.merge(k, v, Long::sum));
        other.fundByMonth.forEach((k, v) -> fundByMonth.merge(k, v, Long::sum));
        personalPerPerson.addAll(other.personalPerPerson);
        return this;
    }

    Figures figures() {
        return new Figures(claims, Collections.unmodifiableMap(refused), Money.ofFen(fund), Money.ofFen(pool),
                Money.ofFen(critical), Money.ofFen(account), Money.ofFen(cash), Money.ofFen(personal),
                money(poolByBenefit), money(poolByCategory), money(poolByLevel), Map.copyOf(reachingCap),
                new TreeMap<>(money(fundByMonth)), deciles());
    }

    /** Average personal part per tenth of the persons ordered by what they paid; fewer than ten persons give fewer tenths. */
    private List<Money> deciles() {
        List<Long> sorted = new ArrayList<>(personalPerPerson);
        Collections.sort(sorted);
        int n = sorted.size();
        int parts = Math.min(10, n);
        List<Money> out = new ArrayList<>(parts);
        for (int d = 0; d < parts; d++) {
            int from = (int) ((long) d * n / parts);
            int to = (int) ((long) (d + 1) * n / parts);
            long sum = 0;
            for (int i = from; i < to; i++) {
                sum += sorted.get(i);
            }
            out.add(Money.ofFen(Rounding.halfUp(sum, to - from)));
        }
        return List.copyOf(out);
    }

    private static <K> Map<K, Money> money(Map<K, Long> fen) {
        Map<K, Money> out = new HashMap<>();
        fen.forEach((k, v) -> out.put(k, Money.ofFen(v)));
        return Collections.unmodifiableMap(out);
    }
}
