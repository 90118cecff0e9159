package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.visit;

import java.nio.file.Path;
import java.time.LocalDate;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.money.Money;
import org.gongji.api.spi.benefit.Benefit;
import org.gongji.api.spi.benefit.YearToDate;
import org.gongji.store.LedgerEntry.EntryKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One database for the class (creating one takes seconds); each test books for a person of its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementBookingTest {

    static final LocalDate DAY = LocalDate.of(2024, 3, 5);

    @TempDir
    static Path tmp;
    OpenStore store;
    int tests;
    String p1;

    @BeforeAll
    void open() {
        store = TestStores.fresh(tmp);
    }

    @BeforeEach
    void person() {
        p1 = "P" + (++tests);
        store.persons().putInstitution(Fixtures.tertiary("H1"), CLERK);
        store.persons().putPerson(Fixtures.employed(p1, java.util.List.of()), CLERK);
        // 2 months × 2% × 6000.00 = 240.00 in the account
        store.accounts().creditMonth(Fixtures.JIAOZUO, java.time.YearMonth.of(2024, 1), CLERK);
        store.accounts().creditMonth(Fixtures.JIAOZUO, java.time.YearMonth.of(2024, 2), CLERK);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void aSettlementBooksTheSettlementTheAccumulatorsAndTheAccountEntryTogether() {
        Booked<SettlementRecord> booked = store.settlements().settle(visit(p1, "H1", DAY, Money.parse("300.00")), CLERK);

        SettlementRecord s = booked.value();
        // 焦政办〔2022〕22号 二(一): tertiary, 50.00 deductible per visit, 50% above it
        assertThat(s.breakdown().deductiblePaid()).isEqualTo(Money.parse("50.00"));
        assertThat(s.breakdown().poolPaid()).isEqualTo(Money.parse("125.00"));
        assertThat(s.breakdown().accountPaid()).isEqualTo(Money.parse("175.00"));
        assertThat(s.breakdown().cashPaid()).isEqualTo(Money.ZERO);
        assertThat(s.breakdown().accountBalance()).isEqualTo(Money.parse("65.00"));

        assertThat(store.settlements().settlement(s.id())).get()
                .satisfies(r -> assertThat(r.status()).isEqualTo(SettlementStatus.BOOKED))
                .satisfies(r -> assertThat(r.breakdown()).isEqualTo(s.breakdown()))
                .satisfies(r -> assertThat(r.trace()).isEqualTo(s.trace()))
                .satisfies(r -> assertThat(r.lines()).isEqualTo(s.lines()));
        YearToDate ytd = store.settlements().accumulators(p1, 2024);
        assertThat(ytd.usage(Benefit.GENERAL_OUTPATIENT).poolPaid()).isEqualTo(Money.parse("125.00"));
        assertThat(ytd.usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(1);
        AccountStatement account = store.accounts().statement(p1);
        assertThat(account.balance()).isEqualTo(Money.parse("65.00"));
        assertThat(account.entries()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.SETTLEMENT);
            assertThat(e.amount()).isEqualTo(Money.parse("-175.00"));
            assertThat(e.reference()).isEqualTo(s.id());
        });
    }

    @Test
    void aPreviewBooksNothing() {
        SettlementRecord preview = store.settlements().preview(visit(p1, "H1", DAY, Money.parse("300.00")));

        assertThat(preview.id()).isNull();
        assertThat(preview.breakdown().poolPaid()).isEqualTo(Money.parse("125.00"));
        assertThat(store.settlements().accumulators(p1, 2024)).isEqualTo(YearToDate.empty(2024));
        assertThat(store.accounts().statement(p1).balance()).isEqualTo(Money.parse("240.00"));
    }

    @Test
    void aReversalTakesBackExactlyWhatTheSettlementBooked() {
        store.settlements().settle(visit(p1, "H1", DAY, Money.parse("120.00")), CLERK);
        YearToDate before = store.settlements().accumulators(p1, 2024);
        Money balanceBefore = store.accounts().statement(p1).balance();

        SettlementRecord s = store.settlements().settle(visit(p1, "H1", DAY, Money.parse("333.33")), CLERK).value();
        assertThat(store.settlements().accumulators(p1, 2024)).isNotEqualTo(before);
        SettlementRecord reversed = store.settlements().reverse(s.id(), CLERK).value();

        assertThat(reversed.status()).isEqualTo(SettlementStatus.REVERSED);
        assertThat(reversed.reversedAt()).isNotNull();
        assertThat(store.settlements().accumulators(p1, 2024)).isEqualTo(before);
        AccountStatement account = store.accounts().statement(p1);
        assertThat(account.balance()).isEqualTo(balanceBefore);
        assertThat(account.entries()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.REVERSAL);
            assertThat(e.amount()).isEqualTo(s.breakdown().accountPaid());
        });
    }

    @Test
    void reversingTwiceIsRefusedAndChangesNothing() {
        SettlementRecord s = store.settlements().settle(visit(p1, "H1", DAY, Money.parse("300.00")), CLERK).value();
        store.settlements().reverse(s.id(), CLERK);
        YearToDate after = store.settlements().accumulators(p1, 2024);
        Money balance = store.accounts().statement(p1).balance();

        assertThatThrownBy(() -> store.settlements().reverse(s.id(), CLERK))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_REVERSED));
        assertThat(store.settlements().accumulators(p1, 2024)).isEqualTo(after);
        assertThat(store.accounts().statement(p1).balance()).isEqualTo(balance);
    }

    @Test
    void refusedSettlementsBookNothing() {
        assertCode(() -> store.settlements().settle(visit("nobody", "H1", DAY, Money.parse("10.00")), CLERK),
                ErrorCode.UNKNOWN_PERSON);
        assertCode(() -> store.settlements().settle(visit(p1, "nowhere", DAY, Money.parse("10.00")), CLERK),
                ErrorCode.UNKNOWN_INSTITUTION);
        // 焦政办〔2022〕22号 三(一): in force from 2022-07-01
        assertCode(() -> store.settlements().settle(visit(p1, "H1", LocalDate.of(2022, 6, 30), Money.parse("10.00")),
                CLERK), ErrorCode.RULES_NOT_IN_FORCE);
        assertCode(() -> store.settlements().settle(visit(p1, "H1", DAY, Money.ofYuan(20_000_000)), CLERK),
                ErrorCode.INVALID_AMOUNT);
        assertCode(() -> store.settlements().reverse("no-such-settlement", CLERK), ErrorCode.UNKNOWN_SETTLEMENT);

        assertThat(store.settlements().accumulators(p1, 2024)).isEqualTo(YearToDate.empty(2024));
        assertThat(store.settlements().accumulators(p1, 2022)).isEqualTo(YearToDate.empty(2022));
        assertThat(store.accounts().statement(p1).entries()).extracting(LedgerEntry::kind)
                .containsOnly(EntryKind.MONTHLY_CREDIT);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheFirstSettlementAndBooksOnce() {
        WriteContext keyed = WriteContext.keyed("k-1", "POST /settlements {300}", "his");
        SettlementRecord first = store.settlements().settle(visit(p1, "H1", DAY, Money.parse("300.00")), keyed).value();

        Booked<SettlementRecord> again = store.settlements().settle(visit(p1, "H1", DAY, Money.parse("300.00")), keyed);

        assertThat(again.replayed()).isTrue();
        assertThat(again.value().id()).isEqualTo(first.id());
        assertThat(store.settlements().accumulators(p1, 2024).usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(1);
        assertCode(() -> store.settlements().settle(visit(p1, "H1", DAY, Money.parse("301.00")),
                WriteContext.keyed("k-1", "POST /settlements {301}", "his")), ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(store.settlements().accumulators(p1, 2024).usage(Benefit.GENERAL_OUTPATIENT).visits()).isEqualTo(1);
    }

    static void assertCode(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aVisitDatedAfterTodayIsRefusedAndBooksNothing() {
        // the store's clock stands at 2024-06-15
        assertThatThrownBy(() -> store.settlements().settle(visit(p1, "H1", LocalDate.of(2024, 6, 16), Money.parse("300.00")), CLERK))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATE_IN_FUTURE));
        assertThat(store.settlements().accumulators(p1, 2024)).isEqualTo(YearToDate.empty(2024));
        assertThat(store.settlements().settle(visit(p1, "H1", LocalDate.of(2024, 6, 15), Money.parse("300.00")), CLERK)
                .value().breakdown().fundPaid()).isEqualTo(Money.parse("125.00"));
    }

    @Test
    void aMonthNotYetBegunIsNotCredited() {
        assertThatThrownBy(() -> store.accounts().creditMonth(Fixtures.JIAOZUO, java.time.YearMonth.of(2024, 7), CLERK))
                .isInstanceOfSatisfying(GongjiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATE_IN_FUTURE));
    }
}
