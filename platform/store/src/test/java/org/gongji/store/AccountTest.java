package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;
import static org.gongji.store.SettlementBookingTest.assertCode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.money.Money;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.person.Relation;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.store.LedgerEntry.EntryKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountTest {

    @TempDir
    Path tmp;
    OpenStore store;

    @BeforeEach
    void open() {
        store = TestStores.fresh(tmp);
        store.persons().putPerson(Fixtures.employed("CHILD", List.of()), CLERK);
        store.persons().putPerson(Fixtures.employed("HOLDER", List.of(new FamilyMember("CHILD", Relation.CHILD))), CLERK);
        store.persons().putPerson(new Person("RETIREE", "退休", JIAOZUO, LocalDate.of(1950, 1, 1), PersonCategory.RETIRED,
                LocalDate.of(2010, 1, 1), null, null, null, null), CLERK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void creditingAMonthTwiceCreditsEveryoneOnce() {
        CreditingResult first = store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 3), CLERK).value();
        CreditingResult second = store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 3), CLERK).value();

        // 2% × 6000.00 for each employed (ASSUMPTION row), 66.00 for the retiree (焦政办〔2022〕22号 二(二))
        assertThat(first.personsCredited()).isEqualTo(3);
        assertThat(first.totalCredited()).isEqualTo(Money.parse("306.00"));
        assertThat(second.personsCredited()).isZero();
        assertThat(second.personsAlreadyCredited()).isEqualTo(3);
        assertThat(second.totalCredited()).isEqualTo(Money.ZERO);
        assertThat(store.accounts().statement("RETIREE").balance()).isEqualTo(Money.parse("66.00"));
        assertThat(store.accounts().statement("HOLDER").entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.MONTHLY_CREDIT);
            assertThat(e.reference()).isEqualTo("2024-03");
            assertThat(e.amount()).isEqualTo(Money.parse("120.00"));
        });
    }

    @Test
    void theAccountPaysAChildsPremiumWhereTheRulesAllowIt() {
        store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 3), CLERK);

        PaymentRecord paid = store.accounts().pay(new FamilyPayment("HOLDER", "CHILD",
                AccountPurpose.RESIDENT_INSURANCE_PREMIUM, Money.parse("100.00")), CLERK).value();

        assertThat(paid.relation()).isEqualTo(Relation.CHILD);
        assertThat(paid.balanceAfter()).isEqualTo(Money.parse("20.00"));
        assertThat(paid.citation().document()).isEqualTo("焦政办〔2022〕22号");
        assertThat(store.accounts().statement("HOLDER").balance()).isEqualTo(Money.parse("20.00"));
    }

    @Test
    void refusedPaymentsBookNothing() {
        store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 3), CLERK);

        assertCode(() -> store.accounts().pay(new FamilyPayment("HOLDER", "CHILD", AccountPurpose.MEDICAL_COST,
                Money.parse("120.01")), CLERK), ErrorCode.INSUFFICIENT_BALANCE);
        assertCode(() -> store.accounts().pay(new FamilyPayment("HOLDER", "CHILD", AccountPurpose.FITNESS,
                Money.parse("1.00")), CLERK), ErrorCode.ACCOUNT_USE_NOT_ALLOWED);
        assertCode(() -> store.accounts().pay(new FamilyPayment("HOLDER", "RETIREE", AccountPurpose.MEDICAL_COST,
                Money.parse("1.00")), CLERK), ErrorCode.ACCOUNT_USE_NOT_ALLOWED);
        assertCode(() -> store.accounts().pay(new FamilyPayment("HOLDER", "nobody", AccountPurpose.MEDICAL_COST,
                Money.parse("1.00")), CLERK), ErrorCode.UNKNOWN_PERSON);
        assertCode(() -> store.accounts().pay(new FamilyPayment("HOLDER", "CHILD", AccountPurpose.MEDICAL_COST,
                Money.parse("-1.00")), CLERK), ErrorCode.INVALID_AMOUNT);

        assertThat(store.accounts().statement("HOLDER").balance()).isEqualTo(Money.parse("120.00"));
        assertThat(store.accounts().statement("HOLDER").entries()).hasSize(1);
    }

    @Test
    void aPersonInARegionNoBundleServesIsRefused() {
        assertCode(() -> store.persons().putPerson(new Person("X", "x", org.gongji.api.region.RegionCode.of("370100"),
                LocalDate.of(1980, 1, 1), PersonCategory.EMPLOYED, null, null, null, null, null), CLERK),
                ErrorCode.REGION_NOT_DEPLOYED);
        assertThat(store.persons().person("X")).isEmpty();
    }
}
