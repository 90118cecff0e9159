package org.gongji.api.spi.account;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.gongji.api.person.Person;
import org.gongji.api.person.Relation;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Personal account crediting (个人账户计入) and use (个人账户使用, 家庭共济).
 */
@ConsumerType
public interface AccountCrediting {

    /**
     * The credits for a person for a month, under the rules in force on the month's first day;
     * empty when nothing is credited.
     */
    List<AccountCredit> monthlyCredit(Person person, YearMonth month);

    /** Whether the account may pay for this relation of the holder and this purpose on the date. */
    AccountUseDecision use(Relation relation, AccountPurpose purpose, LocalDate date);

    /**
     * The same, knowing where the holder and the beneficiary are insured: a region may allow a family
     * member's premium only where the member is insured in the province (浙江 二(四) 本省城乡居民基本医保).
     */
    default AccountUseDecision use(Relation relation, AccountPurpose purpose, LocalDate date,
            org.gongji.api.region.RegionCode holderRegion, org.gongji.api.region.RegionCode beneficiaryRegion) {
        return use(relation, purpose, date);
    }
}
