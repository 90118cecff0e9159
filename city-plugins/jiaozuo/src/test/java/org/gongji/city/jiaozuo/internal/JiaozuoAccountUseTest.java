package org.gongji.city.jiaozuo.internal;

import org.gongji.rules.StandardRegion;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gongji.api.person.Relation;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.account.AccountPurpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 焦政办〔2022〕22号 二(三): what the personal account may pay, for whom. */
class JiaozuoAccountUseTest {

    private final AccountCrediting account = StandardRegion.ofResource("rules/410800-jiaozuo.txt").accountCrediting().orElseThrow();

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "SELF,   MEDICAL_COST,                        true",
        "SPOUSE, MEDICAL_COST,                        true",
        "PARENT, PHARMACY_PURCHASE,                   true",
        "CHILD,  MEDICAL_COST,                        true",
        "SPOUSE, RESIDENT_INSURANCE_PREMIUM,          true",
        "CHILD,  RESIDENT_INSURANCE_PREMIUM,          true",
        "SELF,   SUPPLEMENTARY_LARGE_EXPENSE_PREMIUM, true",
        "SPOUSE, SUPPLEMENTARY_LARGE_EXPENSE_PREMIUM, false",
        "PARENT, LONG_TERM_CARE_PREMIUM,              false",
        "SELF,   INCLUSIVE_COMMERCIAL_INSURANCE_PREMIUM, false",
        "SELF,   PUBLIC_HEALTH,                       false",
        "SPOUSE, FITNESS,                             false",
        "SELF,   WELLNESS,                            false",
    })
    void accountUseFollowsClause二三(Relation relation, AccountPurpose purpose, boolean allowed) {
        var decision = account.use(relation, purpose, LocalDate.of(2022, 8, 1));
        assertThat(decision.allowed()).as(decision.reason()).isEqualTo(allowed);
        assertThat(decision.citation().toString()).contains("焦政办〔2022〕22号");
    }

    @ParameterizedTest(name = "{0} {1} refused before the reform")
    @CsvSource({"SPOUSE, MEDICAL_COST", "SELF, MEDICAL_COST"})
    void nothingIsAllowedBeforeTheReformDate(Relation relation, AccountPurpose purpose) {
        assertThat(account.use(relation, purpose, LocalDate.of(2022, 6, 30)).allowed()).isFalse();
    }
}
