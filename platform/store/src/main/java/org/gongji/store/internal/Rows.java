package org.gongji.store.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.ChronicRecognition;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Relation;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.Usage;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.api.visit.CatalogueClass;
import org.gongji.api.visit.FeeLine;
import org.gongji.api.visit.MedicalType;
import org.gongji.engine.AccumulatorDelta;
import org.gongji.engine.Breakdown;
import org.gongji.store.SettlementRecord;
import org.gongji.store.SettlementStatus;

/** Between rows and domain values. Times are stored as UTC. */
final class Rows {

    private Rows() {
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    // --- persons and institutions ---

    static Person person(PersonRow r) {
        List<FamilyMember> family = r.family.stream()
                .map(f -> new FamilyMember(f.memberPersonId, Relation.valueOf(f.relation))).toList();
        List<ChronicRecognition> chronic = r.chronicDiseases.stream()
                .map(c -> new ChronicRecognition(c.diseaseCode, c.from, c.to)).toList();
        return new Person(r.id, r.name, RegionCode.of(r.region), r.birthDate, PersonCategory.valueOf(r.category),
                r.retirementDate, Money.ofFen(r.contributionBaseFen), r.familyDoctorInstitutionId, chronic, family);
    }

    /** The person of the row with the dated fields of a superseded version. */
    static Person person(PersonRow r, PersonVersionRow v) {
        Person p = person(r);
        return new Person(p.id(), p.name(), p.region(), p.birthDate(), PersonCategory.valueOf(v.category), v.retirementDate,
                Money.ofFen(v.contributionBaseFen), p.familyDoctorInstitutionId(), p.chronicDiseases(), family(v.family));
    }

    /** The row's version as a superseded one, from its date. */
    static PersonVersionRow version(PersonRow r, Instant now) {
        PersonVersionRow v = new PersonVersionRow();
        v.personId = r.id;
        v.versionFrom = r.versionFrom == null ? r.birthDate : r.versionFrom;
        v.category = r.category;
        v.retirementDate = r.retirementDate;
        v.contributionBaseFen = r.contributionBaseFen;
        v.family = familyText(r.family.stream()
                .map(f -> new FamilyMember(f.memberPersonId, Relation.valueOf(f.relation))).toList());
        v.supersededAt = utc(now);
        return v;
    }

    /** {@code memberId:RELATION;...} with '%', ':' and ';' of an id escaped as %25, %3A, %3B; null for no family. */
    static String familyText(List<FamilyMember> family) {
        if (family.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (FamilyMember m : family) {
            String id = m.personId().replace("%", "%25").replace(":", "%3A").replace(";", "%3B");
            text.append(text.length() == 0 ? "" : ";").append(id).append(':').append(m.relation().name());
        }
        return text.toString();
    }

    static List<FamilyMember> family(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<FamilyMember> family = new ArrayList<>();
        for (String cell : text.split(";")) {
            int colon = cell.lastIndexOf(':');
            String id = cell.substring(0, colon).replace("%3B", ";").replace("%3A", ":").replace("%25", "%");
            family.add(new FamilyMember(id, Relation.valueOf(cell.substring(colon + 1))));
        }
        return family;
    }

    static void fill(PersonRow r, Person p, Instant now) {
        r.id = p.id();
        r.name = p.name();
        r.region = p.region().value();
        r.birthDate = p.birthDate();
        r.category = p.category().name();
        r.retirementDate = p.retirementDate();
        r.contributionBaseFen = p.monthlyContributionBase().fen();
        r.familyDoctorInstitutionId = p.familyDoctorInstitutionId();
        r.updatedAt = utc(now);
        r.family.clear();
        p.family().forEach(m -> r.family.add(new PersonRow.FamilyCell(m.personId(), m.relation().name())));
        r.chronicDiseases.clear();
        p.chronicDiseases().forEach(c -> r.chronicDiseases.add(new PersonRow.RecognitionCell(c.code(), c.from(), c.to())));
    }

    static Institution institution(InstitutionRow r) {
        return new Institution(r.id, r.name, RegionCode.of(r.region), InstitutionLevel.valueOf(r.level), r.provincial);
    }

    static void fill(InstitutionRow r, Institution i, Instant now) {
        r.id = i.id();
        r.name = i.name();
        r.region = i.region().value();
        r.level = i.level().name();
        r.provincial = i.provincial();
        r.updatedAt = utc(now);
    }

    // --- accumulators ---

    static YearToDate yearToDate(YearRow r) {
        Map<Benefit, Usage> usage = new EnumMap<>(Benefit.class);
        put(usage, Benefit.GENERAL_OUTPATIENT, r.goDeductibleFen, r.goPoolFen, r.goVisits);
        put(usage, Benefit.CHRONIC_OUTPATIENT, r.coDeductibleFen, r.coPoolFen, r.coVisits);
        put(usage, Benefit.INPATIENT, r.ipDeductibleFen, r.ipPoolFen, r.ipVisits);
        return new YearToDate(r.yearNo, usage, Money.ofFen(r.fundCapUsedFen), Money.ofFen(r.ciBaseFen),
                Money.ofFen(r.ciPaidFen), PoolCodec.decode(r.pools));
    }

    private static void put(Map<Benefit, Usage> usage, Benefit benefit, long deductible, long pool, int visits) {
        if (deductible != 0 || pool != 0 || visits != 0) {
            usage.put(benefit, new Usage(Money.ofFen(deductible), Money.ofFen(pool), visits));
        }
    }

    static void fill(YearRow r, YearToDate ytd) {
        Usage go = ytd.usage(Benefit.GENERAL_OUTPATIENT);
        Usage co = ytd.usage(Benefit.CHRONIC_OUTPATIENT);
        Usage ip = ytd.usage(Benefit.INPATIENT);
        r.goDeductibleFen = go.deductiblePaid().fen();
        r.goPoolFen = go.poolPaid().fen();
        r.goVisits = go.visits();
        r.coDeductibleFen = co.deductiblePaid().fen();
        r.coPoolFen = co.poolPaid().fen();
        r.coVisits = co.visits();
        r.ipDeductibleFen = ip.deductiblePaid().fen();
        r.ipPoolFen = ip.poolPaid().fen();
        r.ipVisits = ip.visits();
        r.fundCapUsedFen = ytd.fundCapUsed().fen();
        r.ciBaseFen = ytd.criticalIllnessBase().fen();
        r.ciPaidFen = ytd.criticalIllnessPaid().fen();
        r.pools = PoolCodec.encode(ytd.pools());
    }

    // --- settlements ---

    static SettlementRow settlementRow(SettlementRecord s, boolean useAccount) {
        SettlementRow r = new SettlementRow();
        r.id = s.id();
        r.personId = s.personId();
        r.institutionId = s.institutionId();
        r.visitDate = s.date();
        r.diseaseCode = s.diseaseCode();
        r.useAccount = useAccount;
        r.status = s.status().name();
        Breakdown b = s.breakdown();
        r.region = b.region().value();
        r.medType = b.medType().name();
        r.totalFen = b.totalAmount().fen();
        r.fullySelfPaidFen = b.fullySelfPaid().fen();
        r.preSelfPaidFen = b.preSelfPaid().fen();
        r.inScopeFen = b.inScopeAmount().fen();
        r.deductiblePaidFen = b.deductiblePaid().fen();
        r.poolRatioBp = b.poolRatio().basisPoints();
        r.poolPaidFen = b.poolPaid().fen();
        r.overCapFen = b.overCapSelfPaid().fen();
        r.criticalIllnessPaidFen = b.criticalIllnessPaid().fen();
        r.fundPaidFen = b.fundPaid().fen();
        r.personalPartFen = b.personalPart().fen();
        r.accountPaidFen = b.accountPaid().fen();
        r.cashPaidFen = b.cashPaid().fen();
        r.accountBalanceFen = b.accountBalance().fen();
        AccumulatorDelta d = s.delta();
        r.deltaYear = d.year();
        r.deltaBenefit = d.benefit().name();
        r.deltaDeductibleFen = d.usage().deductiblePaid().fen();
        r.deltaPoolFen = d.usage().poolPaid().fen();
        r.deltaVisits = d.usage().visits();
        r.deltaFundCapFen = d.fundCapUsed().fen();
        r.deltaCiBaseFen = d.criticalIllnessBase().fen();
        r.deltaCiPaidFen = d.criticalIllnessPaid().fen();
        r.deltaPools = PoolCodec.encode(d.pools());
        r.separatelyPaidFen = b.separatelyPaid().fen();
        r.crossRegion = b.crossRegion() == null ? null : b.crossRegion().name();
        r.trace = TraceCodec.encode(s.trace());
        r.bookedAt = utc(s.bookedAt());
        r.bookedBy = s.bookedBy();
        for (FeeLine line : s.lines()) {
            SettlementRow.LineCell c = new SettlementRow.LineCell();
            c.code = line.code();
            c.name = line.name();
            c.catalogueClass = line.catalogueClass().name();
            c.amountFen = line.amount().fen();
            c.preSelfPayBp = line.preSelfPayRatio().basisPoints();
            r.lines.add(c);
        }
        return r;
    }

    static SettlementRecord settlement(SettlementRow r) {
        return new SettlementRecord(r.id, SettlementStatus.valueOf(r.status), r.personId, r.institutionId, r.visitDate,
                r.diseaseCode, lines(r), breakdown(r), delta(r), TraceCodec.decode(r.trace), instant(r.bookedAt),
                instant(r.reversedAt), r.bookedBy, r.reversedBy);
    }

    static Breakdown breakdown(SettlementRow r) {
        return new Breakdown(RegionCode.of(r.region), MedicalType.valueOf(r.medType), Money.ofFen(r.totalFen),
                Money.ofFen(r.fullySelfPaidFen), Money.ofFen(r.preSelfPaidFen), Money.ofFen(r.inScopeFen),
                Money.ofFen(r.deductiblePaidFen), new Ratio(r.poolRatioBp), Money.ofFen(r.poolPaidFen),
                Money.ofFen(r.overCapFen), Money.ofFen(r.criticalIllnessPaidFen), Money.ofFen(r.fundPaidFen),
                Money.ofFen(r.personalPartFen), Money.ofFen(r.accountPaidFen), Money.ofFen(r.cashPaidFen),
                Money.ofFen(r.accountBalanceFen), Money.ofFen(r.separatelyPaidFen),
                r.crossRegion == null ? null : org.gongji.api.spi.benefit.CrossRegion.valueOf(r.crossRegion));
    }

    static List<FeeLine> lines(SettlementRow r) {
        List<FeeLine> lines = new ArrayList<>(r.lines.size());
        for (SettlementRow.LineCell c : r.lines) {
            lines.add(new FeeLine(c.code, c.name, CatalogueClass.valueOf(c.catalogueClass), Money.ofFen(c.amountFen),
                    new Ratio(c.preSelfPayBp)));
        }
        return lines;
    }

    static AccumulatorDelta delta(SettlementRow r) {
        return new AccumulatorDelta(r.deltaYear, Benefit.valueOf(r.deltaBenefit),
                new Usage(Money.ofFen(r.deltaDeductibleFen), Money.ofFen(r.deltaPoolFen), r.deltaVisits),
                Money.ofFen(r.deltaFundCapFen), Money.ofFen(r.deltaCiBaseFen), Money.ofFen(r.deltaCiPaidFen),
                PoolCodec.decode(r.deltaPools));
    }
}
