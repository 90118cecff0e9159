package org.gongji.province.zhejiang.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gongji.api.person.Relation;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.account.AccountCrediting;
import org.gongji.api.spi.account.AccountPurpose;
import org.gongji.api.spi.account.AccountUseDecision;
import org.junit.jupiter.api.Test;

/** 浙政办门诊共济意见(2022-03-15) 二(四): 直系亲属参加本省城乡居民基本医保、大病保险等个人缴费. */
class ZhejiangAccountUseTest {

    private final AccountCrediting account = org.gongji.rules.StandardRegion.ofResource("rules/330000-zhejiang.txt").accountCrediting().orElseThrow();
    private final LocalDate day = LocalDate.of(2023, 3, 1);
    private final RegionCode hangzhou = RegionCode.of("330100");

    @Test
    void a_childs_resident_premium_is_refused_where_the_child_is_insured_in_another_province() {
        AccountUseDecision d = account.use(Relation.CHILD, AccountPurpose.RESIDENT_INSURANCE_PREMIUM, day, hangzhou,
                RegionCode.of("370100"));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("370100", "outside the province 330000");
        assertThat(d.citation().toString()).isEqualTo("浙政办门诊共济意见(2022-03-15) 二(四)");
    }

    @Test
    void a_childs_resident_premium_is_allowed_where_the_child_is_insured_in_another_city_of_the_province() {
        assertThat(account.use(Relation.CHILD, AccountPurpose.RESIDENT_INSURANCE_PREMIUM, day, hangzhou,
                RegionCode.of("330200")).allowed()).isTrue();
        assertThat(account.use(Relation.PARENT, AccountPurpose.RESIDENT_INSURANCE_PREMIUM, day, hangzhou, hangzhou)
                .allowed()).isTrue();
    }

    @Test
    void a_family_members_medical_cost_is_not_limited_to_the_province() {
        assertThat(account.use(Relation.SPOUSE, AccountPurpose.MEDICAL_COST, day, hangzhou, RegionCode.of("370100"))
                .allowed()).isTrue();
    }
}
