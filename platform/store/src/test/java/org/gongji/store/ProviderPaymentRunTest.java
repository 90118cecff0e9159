package org.gongji.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongji.store.Fixtures.CLERK;
import static org.gongji.store.Fixtures.JIAOZUO;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.payment.DipCase;
import org.gongji.payment.DipCaseListReader;
import org.gongji.payment.DipCatalogue;
import org.gongji.payment.DipCatalogueReader;
import org.gongji.payment.PaymentPeriod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jiaozuo (焦政办〔2022〕22号 二(五)): a community clinic paid per capita, a hospital per item, both by DIP
 * for day surgery, over settlements booked in the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderPaymentRunTest {

    private static final PaymentPeriod MARCH = PaymentPeriod.parse("2024-03");
    private static final PaymentPeriod Q1 = PaymentPeriod.parse("2024-Q1");

    @TempDir
    static Path tmp;
    OpenStore store;
    Money clinicFundPay;
    Money hospitalFundPay;

    @BeforeAll
    void book() {
        store = TestStores.fresh(tmp);
        store.persons().putInstitution(new Institution("C1", "社区卫生服务中心", JIAOZUO, InstitutionLevel.PRIMARY, false), CLERK);
        store.persons().putInstitution(Fixtures.tertiary("H1"), CLERK);
        store.persons().putPerson(new Person("signed", "签约职工", JIAOZUO, LocalDate.of(1980, 5, 1), PersonCategory.EMPLOYED,
                null, Money.ofYuan(6000), "C1", null, List.of()), CLERK);
        store.persons().putPerson(Fixtures.employed("other", List.of()), CLERK);
        clinicFundPay = store.settlements().settle(Fixtures.visit("signed", "C1", LocalDate.of(2024, 3, 4),
                Money.parse("100.00")), CLERK).value().breakdown().fundPaid();
        hospitalFundPay = store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2024, 3, 5),
                Money.parse("300.00")), CLERK).value().breakdown().fundPaid();
        String reversed = store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2024, 3, 6),
                Money.parse("200.00")), CLERK).value().id();
        store.settlements().reverse(reversed, CLERK);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Test
    void per_item_pays_the_hospital_its_unreversed_fund_share_and_leaves_the_clinic_to_per_capita() {
        // 二(一): tertiary, 50.00 deductible per visit, 50 %: (300 - 50) × 50 %
        assertThat(hospitalFundPay).isEqualTo(Money.parse("125.00"));
        PaymentRunRecord run = store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, MARCH), CLERK).value();
        assertThat(run.run().institutions()).singleElement().satisfies(p -> {
            assertThat(p.institutionId()).isEqualTo("H1");
            assertThat(p.amount()).isEqualTo(hospitalFundPay);
        });
        assertThat(run.run().trace()).anySatisfy(t -> assertThat(t.step()).isEqualTo("reversed settlements excluded: 1"));
    }

    @Test
    void per_capita_counts_the_persons_signed_with_the_clinic() {
        // 二(一): primary 60 % + 5 points at the family-doctor institution, no deductible
        assertThat(clinicFundPay).isEqualTo(Money.parse("65.00"));
        PaymentRunRecord run = store.providerPayments().run(PaymentRunRequest.perCapita(JIAOZUO, Q1, null), CLERK).value();
        // budget 10.00 × 1 signed person × 3 months = 30.00; overspend 35.00, reasonable to 10 % = 3.00, fund bears 50 %
        assertThat(run.run().institution("C1").amount()).isEqualTo(Money.parse("31.50"));
        assertThat(run.run().institution("C1").trace()).anySatisfy(t -> assertThat(t.parameter()).contains("1 persons (SIGNED)"));
    }

    @Test
    void a_second_run_of_the_same_period_returns_the_first_and_other_inputs_replace_a_draft_but_not_a_confirmed_run() {
        PaymentPeriod july = PaymentPeriod.parse("2023-07");
        Booked<PaymentRunRecord> first = store.providerPayments().run(PaymentRunRequest.perCapita(JIAOZUO, july, Map.of("C1", 4)), CLERK);
        Booked<PaymentRunRecord> again = store.providerPayments().run(PaymentRunRequest.perCapita(JIAOZUO, july, Map.of("C1", 4)), CLERK);
        assertThat(first.replayed()).isFalse();
        assertThat(first.value().status()).isEqualTo(PaymentRunStatus.DRAFT);
        assertThat(again.replayed()).isTrue();
        assertThat(again.value()).isEqualTo(first.value());
        assertThat(store.providerPayments().find(first.value().id())).contains(first.value());

        PaymentRunRecord replacing = store.providerPayments().run(PaymentRunRequest.perCapita(JIAOZUO, july, Map.of("C1", 5)),
                CLERK).value();
        assertThat(replacing.id()).isNotEqualTo(first.value().id());
        assertThat(replacing.status()).isEqualTo(PaymentRunStatus.DRAFT);
        assertThat(store.providerPayments().find(first.value().id()).orElseThrow().status()).isEqualTo(PaymentRunStatus.REVOKED);

        store.providerPayments().confirm(replacing.id(), CLERK);
        assertCode(() -> store.providerPayments().run(PaymentRunRequest.perCapita(JIAOZUO, july, Map.of("C1", 6)), CLERK),
                ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(store.providerPayments().run(PaymentRunRequest.perCapita(JIAOZUO, july, Map.of("C1", 5)), CLERK).value().id())
                .isEqualTo(replacing.id());
    }

    @Test
    void a_period_overlapping_a_paid_one_is_refused() {
        PaymentPeriod april = PaymentPeriod.parse("2023-04");
        store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, april), CLERK);
        assertCode(() -> store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, PaymentPeriod.parse("2023-Q2")), CLERK),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void dip_pays_the_budget_over_an_uploaded_case_list() {
        DipCatalogue catalogue = DipCatalogueReader.read("inline", new StringReader(
                "group,diagnosis,procedure,name,score,averageCost\nG1,H25.9,13.41,SYNTHETIC cataract,60,6000.00\n"));
        List<DipCase> cases = DipCaseListReader.read("inline", new StringReader(
                "caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,otherFundsPaid\n"
                        + "k1,H1,H25.9,13.41,2024-05-02,6000.00,600.00,0\nk2,C1,H25.9,13.41,2024-05-03,6000.00,600.00,0\n"));
        PaymentPeriod may = PaymentPeriod.parse("2024-05");
        PaymentRunRecord run = store.providerPayments().run(
                PaymentRunRequest.dip(JIAOZUO, may, Money.parse("9000.00"), catalogue, cases), CLERK).value();
        assertThat(run.run().method()).isEqualTo(ProviderPaymentMethod.DIP);
        // weighted 60 × 1.00 and 60 × 0.80; value 10200.00 → 5666.67 and 4533.33; less 600.00 each
        assertThat(run.run().institution("H1").amount()).isEqualTo(Money.parse("5066.67"));
        assertThat(run.run().institution("C1").amount()).isEqualTo(Money.parse("3933.33"));
        assertThat(run.run().total()).isEqualTo(Money.parse("9000.00"));
        PaymentRunRecord confirmed = store.providerPayments().confirm(run.id(), CLERK).value();
        assertCode(() -> store.providerPayments().run(PaymentRunRequest.dip(JIAOZUO, may, Money.parse("9000.01"), catalogue, cases),
                CLERK), ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(store.providerPayments().runs(JIAOZUO, ProviderPaymentMethod.DIP)).containsExactly(confirmed);
    }

    @Test
    void aDraftClosesNothingAConfirmationClosesTheMethodsPeriodAndARevocationReopensIt() {
        PaymentPeriod october = PaymentPeriod.parse("2023-10");
        String booked = store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2023, 10, 10),
                Money.parse("300.00")), CLERK).value().id();
        PaymentRunRecord draft = store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, october), CLERK).value();
        assertThat(draft.status()).isEqualTo(PaymentRunStatus.DRAFT);
        assertThat(draft.confirmedAt()).isNull();

        // in a draft period: settling and reversing go on
        String second = store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2023, 10, 11),
                Money.parse("300.00")), CLERK).value().id();
        assertThat(store.settlements().reverse(second, CLERK).value().status()).isEqualTo(SettlementStatus.REVERSED);
        // ... and the draft no longer shows the period's settlements: it is not confirmed, it is run again
        assertCode(() -> store.providerPayments().confirm(draft.id(), CLERK), ErrorCode.PAYMENT_RUN_OUTDATED);
        assertCode(() -> store.providerPayments().revoke(draft.id(), CLERK), ErrorCode.PAYMENT_RUN_STATE);
        PaymentRunRecord fresh = store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, october), CLERK).value();
        assertThat(fresh.id()).isNotEqualTo(draft.id());
        assertThat(store.providerPayments().find(draft.id()).orElseThrow().status()).isEqualTo(PaymentRunStatus.REVOKED);

        PaymentRunRecord confirmed = store.providerPayments().confirm(fresh.id(), CLERK).value();
        assertThat(confirmed.status()).isEqualTo(PaymentRunStatus.CONFIRMED);
        assertThat(confirmed.confirmedAt()).isNotNull();
        assertCode(() -> store.providerPayments().confirm(fresh.id(), CLERK), ErrorCode.PAYMENT_RUN_STATE);
        // in a confirmed period: refused
        assertCode(() -> store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2023, 10, 12),
                Money.parse("300.00")), CLERK), ErrorCode.PERIOD_CLOSED);
        assertCode(() -> store.settlements().reverse(booked, CLERK), ErrorCode.PERIOD_CLOSED);

        PaymentRunRecord revoked = store.providerPayments().revoke(fresh.id(), CLERK).value();
        assertThat(revoked.status()).isEqualTo(PaymentRunStatus.REVOKED);
        assertThat(revoked.revokedAt()).isNotNull();
        assertCode(() -> store.providerPayments().revoke(fresh.id(), CLERK), ErrorCode.PAYMENT_RUN_STATE);
        assertCode(() -> store.providerPayments().confirm(fresh.id(), CLERK), ErrorCode.PAYMENT_RUN_STATE);
        // after revocation: open again, and the period can be run anew
        assertThat(store.settlements().reverse(booked, CLERK).value().status()).isEqualTo(SettlementStatus.REVERSED);
        PaymentRunRecord rerun = store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, october), CLERK).value();
        assertThat(rerun.status()).isEqualTo(PaymentRunStatus.DRAFT);
        assertThat(rerun.run().total()).isEqualTo(Money.ZERO);
        assertCode(() -> store.providerPayments().confirm("no-such-run", CLERK), ErrorCode.UNKNOWN_PAYMENT_RUN);
    }

    @Test
    void aRunAsAJobStoresTheSameDraft() {
        PaymentPeriod august = PaymentPeriod.parse("2023-08");
        JobRecord job = store.jobs().await(store.providerPayments().submitRun(
                PaymentRunRequest.perCapita(JIAOZUO, august, Map.of("C1", 3)), CLERK).value().id());

        assertThat(job.status()).isEqualTo(JobStatus.DONE);
        Booked<PaymentRunRecord> run = store.providerPayments().runOf(job);
        assertThat(run.replayed()).isFalse();
        assertThat(run.value().status()).isEqualTo(PaymentRunStatus.DRAFT);
        assertThat(store.providerPayments().run(PaymentRunRequest.perCapita(JIAOZUO, august, Map.of("C1", 3)), CLERK).value())
                .isEqualTo(run.value());
        assertCode(() -> store.providerPayments().submitRun(PaymentRunRequest.perItem(JIAOZUO, PaymentPeriod.parse("2024-06")),
                CLERK), ErrorCode.DATE_IN_FUTURE);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(GongjiException.class).extracting(e -> ((GongjiException) e).code()).isEqualTo(code);
    }

    @Test
    void aPeriodIsPaidOnlyOnceItHasEnded() {
        // the store's clock stands at 2024-06-15: June has not ended
        assertCode(() -> store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, PaymentPeriod.parse("2024-06")), CLERK),
                ErrorCode.DATE_IN_FUTURE);
        assertCode(() -> store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, PaymentPeriod.parse("2098")), CLERK),
                ErrorCode.DATE_IN_FUTURE);
    }

    @Test
    void aConfirmedPeriodIsClosedToNewSettlementsAndReversals() {
        String early = store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2023, 11, 10),
                Money.parse("300.00")), CLERK).value().id();
        String runId = store.providerPayments().run(PaymentRunRequest.perItem(JIAOZUO, PaymentPeriod.parse("2023-11")), CLERK)
                .value().id();
        store.providerPayments().confirm(runId, CLERK);

        assertCode(() -> store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2023, 11, 20),
                Money.parse("300.00")), CLERK), ErrorCode.PERIOD_CLOSED);
        assertCode(() -> store.settlements().reverse(early, CLERK), ErrorCode.PERIOD_CLOSED);
        assertThat(store.settlements().settlement(early).orElseThrow().status()).isEqualTo(SettlementStatus.BOOKED);
        assertThat(store.settlements().settle(Fixtures.visit("other", "H1", LocalDate.of(2023, 12, 1),
                Money.parse("300.00")), CLERK).value().status()).isEqualTo(SettlementStatus.BOOKED);
    }
}
