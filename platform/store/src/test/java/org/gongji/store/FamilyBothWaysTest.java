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
import org.gongji.api.person.Relation;
import org.gongji.api.spi.account.AccountPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 焦政办〔2022〕22号 二(三): the account pays the own-share costs of 本人及其配偶、父母、子女. A relation
 * counts whoever of the two declared it: a child pays for a parent who declared her, without
 * declaring the parent again.
 */
class FamilyBothWaysTest {

    @TempDir
    Path tmp;

    @Test
    void aChildPaysForTheParentWhoDeclaredHerAndAStrangerIsRefused() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putPerson(Fixtures.employed("DAUGHTER", List.of()), CLERK);
            store.persons().putPerson(Fixtures.employed("MOTHER", List.of(new FamilyMember("DAUGHTER", Relation.CHILD))), CLERK);
            store.persons().putPerson(Fixtures.employed("STRANGER", List.of()), CLERK);
            store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 3), CLERK); // 120.00 each (2% × 6000.00)

            // the daughter's account pays her mother's medical cost: the mother is her PARENT (父母)
            PaymentRecord paid = store.accounts().pay(new FamilyPayment("DAUGHTER", "MOTHER", AccountPurpose.MEDICAL_COST,
                    Money.parse("50.00")), CLERK).value();
            assertThat(paid.relation()).isEqualTo(Relation.PARENT);
            assertThat(paid.citation().document()).isEqualTo("焦政办〔2022〕22号");
            assertThat(store.accounts().statement("DAUGHTER").balance()).isEqualTo(Money.parse("70.00"));
            // the mother's own declaration still counts her way
            assertThat(store.accounts().pay(new FamilyPayment("MOTHER", "DAUGHTER", AccountPurpose.MEDICAL_COST,
                    Money.parse("20.00")), CLERK).value().relation()).isEqualTo(Relation.CHILD);

            assertCode(() -> store.accounts().pay(new FamilyPayment("STRANGER", "MOTHER", AccountPurpose.MEDICAL_COST,
                    Money.parse("1.00")), CLERK), ErrorCode.ACCOUNT_USE_NOT_ALLOWED);
            assertCode(() -> store.accounts().pay(new FamilyPayment("MOTHER", "STRANGER", AccountPurpose.MEDICAL_COST,
                    Money.parse("1.00")), CLERK), ErrorCode.ACCOUNT_USE_NOT_ALLOWED);
            assertThat(store.accounts().statement("STRANGER").balance()).isEqualTo(Money.parse("120.00"));
            assertThat(store.accounts().statement("MOTHER").balance()).isEqualTo(Money.parse("100.00"));
        }
    }

    @Test
    void aDeclarationDatedAfterTodayDoesNotYetCountEitherWay() {
        try (OpenStore store = TestStores.fresh(tmp)) {
            store.persons().putPerson(Fixtures.employed("SON", List.of()), CLERK);
            store.persons().putPerson(Fixtures.employed("FATHER", List.of()), CLERK);
            store.accounts().creditMonth(JIAOZUO, YearMonth.of(2024, 3), CLERK);
            // today is 2024-06-15; the father declares his son from 2024-07-01
            store.persons().putPerson(Fixtures.employed("FATHER", List.of(new FamilyMember("SON", Relation.CHILD))),
                    LocalDate.of(2024, 7, 1), CLERK);
            assertCode(() -> store.accounts().pay(new FamilyPayment("SON", "FATHER", AccountPurpose.MEDICAL_COST,
                    Money.parse("1.00")), CLERK), ErrorCode.ACCOUNT_USE_NOT_ALLOWED);
            assertCode(() -> store.accounts().pay(new FamilyPayment("FATHER", "SON", AccountPurpose.MEDICAL_COST,
                    Money.parse("1.00")), CLERK), ErrorCode.ACCOUNT_USE_NOT_ALLOWED);
        }
    }
}
