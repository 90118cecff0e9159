package org.gongji.api.spi.account;

import org.gongji.api.money.Money;
import org.gongji.api.region.Citation;

/**
 * One part of a monthly credit to a personal account (个人账户计入), with how it was reached.
 *
 * @param parameter e.g. "account.employed.ownContributionRate = 2% × base 6000.00"
 */
public record AccountCredit(Money amount, CreditSource source, String parameter, Citation citation) {
}
