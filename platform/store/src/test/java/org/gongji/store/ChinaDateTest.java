package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;
import static org.gongji.store.SettlementBookingTest.assertCode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.money.Money;
import org.gongji.api.person.FamilyMember;
import org.gongji.api.person.Relation;
import org.gongji.api.spi.account.AccountPurpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Today" is the date in China, whatever zone the host runs in. */
class ChinaDateTest {

    /** 21:26 UTC on 1 December is 05:26 on 2 December in China. */
    static final Instant EVENING_IN_UTC = Instant.parse("2026-12-01T21:26:00Z");
    static final LocalDate CHINA_TODAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path tmp;

    private OpenStore open(Instant now) {
        Clock clock = Clock.fixed(now, ChinaTime.zone(Map.of(), null, null));
        return TestStores.fresh(tmp, clock);
    }

    @Test
    void aVisitDatedTodayInChinaIsSettledAndAFamilyPaymentIsDatedThatDay() {
        try (OpenStore store = open(EVENING_IN_UTC)) {
            Fixtures.personWithCredits(store, "HOLDER", "H1", "2026-11");
            store.persons().putPerson(Fixtures.employed("CHILD", List.of()), CLERK);
            store.persons().putPerson(Fixtures.employed("HOLDER", List.of(new FamilyMember("CHILD", Relation.CHILD))), CLERK);

            SettlementRecord settled = store.settlements().settle(Fixtures.visit("HOLDER", "H1", CHINA_TODAY,
                    Money.parse("10.00")), CLERK).value();
            PaymentRecord paid = store.accounts().pay(new FamilyPayment("HOLDER", "CHILD",
                    AccountPurpose.RESIDENT_INSURANCE_PREMIUM, Money.parse("50.00")), CLERK).value();

            assertThat(settled.status()).isEqualTo(SettlementStatus.BOOKED);
            assertThat(paid.date()).isEqualTo(CHINA_TODAY);
            assertCode(() -> store.settlements().settle(Fixtures.visit("HOLDER", "H1", CHINA_TODAY.plusDays(1),
                    Money.parse("10.00")), CLERK), ErrorCode.DATE_IN_FUTURE);
        }
    }

    @Test
    void aMonthHasBegunOnItsFirstDayInChina() {
        // 16:30 UTC on 30 November is 00:30 on 1 December in China
        try (OpenStore store = open(Instant.parse("2026-11-30T16:30:00Z"))) {
            store.persons().putPerson(Fixtures.employed("P1", List.of()), CLERK);

            CreditingResult december = store.accounts().creditMonth(JIAOZUO, YearMonth.of(2026, 12), CLERK).value();

            assertThat(december.personsCredited()).isEqualTo(1);
            assertCode(() -> store.accounts().creditMonth(JIAOZUO, YearMonth.of(2027, 1), CLERK), ErrorCode.DATE_IN_FUTURE);
        }
    }

    @Test
    void theZoneIsChinasUnlessTheDeploymentSetsAnother() {
        assertThat(ChinaTime.zone(Map.of(), null, null)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(ChinaTime.zone(Map.of(), "", "Asia/Urumqi")).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(ChinaTime.zone(Map.of(), "Asia/Harbin", "Asia/Urumqi")).isEqualTo(ZoneId.of("Asia/Harbin"));
        assertThat(ChinaTime.zone(Map.of("GONGJI_ZONE", "UTC"), "Asia/Harbin", "Asia/Urumqi")).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> ChinaTime.zone(Map.of("GONGJI_ZONE", "Mars/Olympus"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mars/Olympus");
    }

    @Test
    void onAHostInUtcTheStoresClockStillTellsChinasDate() {
        TimeZone host = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try (OpenStore store = Stores.open(TestStores.freshConfig(tmp), TestStores.jiaozuo())) {
            assertThat(store.clock().getZone()).isEqualTo(System.getenv().containsKey(ChinaTime.ZONE_ENV)
                    ? ZoneId.of(System.getenv(ChinaTime.ZONE_ENV)) : ZoneId.of("Asia/Shanghai"));
        } finally {
            TimeZone.setDefault(host);
        }
    }
}
