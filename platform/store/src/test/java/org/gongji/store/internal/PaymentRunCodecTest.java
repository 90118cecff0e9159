package org.gongji.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;
import org.gongji.api.money.Money;
import org.gongji.api.region.RegionCode;
import org.gongji.payment.DipCaseListReader;
import org.gongji.payment.DipCatalogueReader;
import org.gongji.payment.PaymentPeriod;
import org.gongji.store.PaymentRunRequest;
import org.junit.jupiter.api.Test;

/** A run request stored as a job's input comes back the same, fingerprint for fingerprint. */
class PaymentRunCodecTest {

    @Test
    void aDipRequestWithTabsAndBackslashesInItsTextsComesBackTheSame() {
        PaymentRunRequest dip = PaymentRunRequest.dip(RegionCode.of("410800"), PaymentPeriod.parse("2024-05"),
                Money.parse("9000.00"),
                DipCatalogueReader.read("up\tload", new StringReader("group,diagnosis,procedure,name,score,averageCost\n"
                        + "G1,H25.9,13.41,\"cataract \\ with\ttab\",60,6000.00\nG2,K35.8,,appendix,40,4000.00\n")),
                DipCaseListReader.read("cases", new StringReader(
                        "caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,otherFundsPaid\n"
                                + "k1,H1,H25.9,13.41,2024-05-02,6000.00,600.00,0\nk2,C1,K35.8,,2024-05-03,4000.00,400.00,12.34\n")));

        PaymentRunRequest back = PaymentRunCodec.decode(PaymentRunCodec.encode(dip));

        assertThat(JpaProviderPaymentService.fingerprint(back)).isEqualTo(JpaProviderPaymentService.fingerprint(dip));
        assertThat(back.dipCatalogue().groups()).isEqualTo(dip.dipCatalogue().groups());
        assertThat(back.dipCatalogue().source()).isEqualTo("up\tload");
        assertThat(back.dipCases()).isEqualTo(dip.dipCases());
    }

    @Test
    void headcountsAndTheirAbsenceComeBack() {
        PaymentRunRequest counted = PaymentRunRequest.perCapita(RegionCode.of("410800"), PaymentPeriod.parse("2024-Q1"),
                Map.of("C1", 4, "C2", 0));
        PaymentRunRequest signed = PaymentRunRequest.perCapita(RegionCode.of("410800"), PaymentPeriod.parse("2024-Q1"), null);

        assertThat(PaymentRunCodec.decode(PaymentRunCodec.encode(counted))).isEqualTo(counted);
        assertThat(PaymentRunCodec.decode(PaymentRunCodec.encode(signed)).headcounts()).isNull();
    }
}
