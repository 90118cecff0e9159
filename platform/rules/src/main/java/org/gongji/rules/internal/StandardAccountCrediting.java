package org.gongji.rules.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongji.api.money.Money;
import org.gongji.api.money.Ratio;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Relation;
import org.gongji.api.region.Citation;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.account.AccountCredit;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.api.spi.account.AccountUseDecision;
import org.gongji.api.spi.account.CreditSource;

/**
 * Account crediting and uses read from the standard keys:
 * <pre>
 * account.employed.ownContributionRate    share of the monthly contribution base credited from the person's own contribution
 * account.employed.employerShareRate      share of the base still credited from the employer's contribution (optional; 0% ends it)
 * account.retired.monthlyAmount           fixed monthly credit from the pooled fund
 *   or account.retired.averagePension with account.retired.pensionShare.under70 / .from70
 *      (whichever took effect later applies: a region may move from a fixed amount to a pension share)
 * account.use.{SPOUSE|PARENT|CHILD|SELF|ANY}.{purpose}   allowed | refused
 * </pre>
 * A person who retires is credited as a retiree from the month after the retirement date.
 */
public class StandardAccountCrediting implements AccountCrediting {

    public static final String OWN_RATE = "account.employed.ownContributionRate";
    public static final String EMPLOYER_RATE = "account.employed.employerShareRate";
    public static final String RETIRED_AMOUNT = "account.retired.monthlyAmount";
    public static final String AVERAGE_PENSION = "account.retired.averagePension";
    public static final String PENSION_SHARE_UNDER_70 = "account.retired.pensionShare.under70";
    public static final String PENSION_SHARE_FROM_70 = "account.retired.pensionShare.from70";

    private final ParameterTable table;
    private final Citation basis;

    public StandardAccountCrediting(ParameterTable table, Citation basis) {
        this.table = table;
        this.basis = basis;
    }

    @Override
    public List<AccountCredit> monthlyCredit(Person person, YearMonth month) {
        LocalDate first = month.atDay(1);
        List<AccountCredit> credits = new ArrayList<>(2);
        if (creditedAsRetired(person, month)) {
            Optional<Parameter> fixed = fixedRetiredCredit(first);
            if (fixed.isPresent()) {
                credits.add(new AccountCredit((Money) fixed.get().value(), CreditSource.POOLED_FUND,
                        fixed.get().display(), fixed.get().citation()));
            } else {
                Parameter pension = table.require(AVERAGE_PENSION, first);
                Parameter share = table.require(person.ageOn(first) >= 70 ? PENSION_SHARE_FROM_70 : PENSION_SHARE_UNDER_70, first);
                Money amount = ((Money) pension.value()).times((Ratio) share.value());
                credits.add(new AccountCredit(amount, CreditSource.POOLED_FUND,
                        share.display() + " × " + pension.display(), share.citation()));
            }
        } else {
            Money base = person.monthlyContributionBase();
            Parameter own = table.require(OWN_RATE, first);
            credits.add(new AccountCredit(base.times((Ratio) own.value()), CreditSource.OWN_CONTRIBUTION,
                    own.display() + " × base " + base, own.citation()));
            table.find(EMPLOYER_RATE, first).filter(p -> ((Ratio) p.value()).basisPoints() > 0)
                    .ifPresent(p -> credits.add(new AccountCredit(base.times((Ratio) p.value()),
                            CreditSource.EMPLOYER_CONTRIBUTION, p.display() + " × base " + base, p.citation())));
        }
        credits.removeIf(c -> c.amount().isZero());
        return credits;
    }

    /**
     * The fixed retiree amount, unless a share of the average pension took effect after it
     * (Shandong: the earlier fixed credit until 2023, a share of the 2023 average pension from 2024-01).
     */
    private Optional<Parameter> fixedRetiredCredit(LocalDate date) {
        Optional<Parameter> fixed = table.find(RETIRED_AMOUNT, date);
        Optional<Parameter> pension = table.find(AVERAGE_PENSION, date);
        if (fixed.isPresent() && pension.isPresent() && pension.get().effectiveFrom().isAfter(fixed.get().effectiveFrom())) {
            return Optional.empty();
        }
        return fixed;
    }

    /** 在职转退休的职工，从次月起按退休人员标准划入. */
    static boolean creditedAsRetired(Person person, YearMonth month) {
        if (person.category() != PersonCategory.RETIRED) {
            return false;
        }
        return person.retirementDate() == null || YearMonth.from(person.retirementDate()).isBefore(month);
    }

    @Override
    public AccountUseDecision use(Relation relation, AccountPurpose purpose, LocalDate date) {
        Optional<Parameter> rule = table.find("account.use." + relation + "." + purpose, date)
                .or(() -> table.find("account.use.ANY." + purpose, date));
        if (rule.isEmpty()) {
            return AccountUseDecision.refused("no rule of the region allows " + purpose + " for " + relation, basis);
        }
        Parameter p = rule.get();
        return "allowed".equals(p.text())
                ? AccountUseDecision.allowed(p.display(), p.citation())
                : AccountUseDecision.refused(p.display(), p.citation());
    }

    /** {@code account.premium.beneficiaryInProvince | yes}: a family member's premium only where the member is insured in the province. */
    public static final String PREMIUM_IN_PROVINCE = "account.premium.beneficiaryInProvince";

    @Override
    public AccountUseDecision use(Relation relation, AccountPurpose purpose, LocalDate date,
            org.gongji.api.region.RegionCode holderRegion, org.gongji.api.region.RegionCode beneficiaryRegion) {
        AccountUseDecision decision = use(relation, purpose, date);
        if (!decision.allowed() || relation == Relation.SELF || !purpose.name().endsWith("_PREMIUM")) {
            return decision;
        }
        Optional<Parameter> rule = table.find(PREMIUM_IN_PROVINCE, date);
        if (rule.isEmpty() || !"yes".equals(rule.get().text())) {
            return decision;
        }
        Parameter p = rule.get();
        if (!holderRegion.province().equals(beneficiaryRegion.province())) {
            return AccountUseDecision.refused(p.display() + ": " + relation + " is insured in " + beneficiaryRegion
                    + ", outside the province " + holderRegion.province(), p.citation());
        }
        return AccountUseDecision.allowed(decision.reason() + "; " + p.display(), decision.citation());
    }
}
