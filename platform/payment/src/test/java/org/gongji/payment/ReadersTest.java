package org.gongji.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongji.payment.DipPaymentTest.assertCode;

import java.io.StringReader;
import java.time.LocalDate;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.money.Money;
import org.junit.jupiter.api.Test;

class ReadersTest {

    private static final String HEADER = "group,diagnosis,procedure,name,score,averageCost\n";
    private static final String CASES = "caseId,institutionId,diagnosis,procedure,date,totalCost,patientPaid,otherFundsPaid\n";

    @Test
    void reads_the_sample_catalogue_with_conservative_and_any_procedure_groups() {
        DipCatalogue c = DipCatalogueReader.read("sample", Fixtures.reader("sample-dip-catalogue.csv"));
        assertThat(c.groups()).hasSize(5);
        assertThat(c.group("K80.1", "51.23").code()).isEqualTo("SYN-G1");
        assertThat(c.group("K80.1", "").code()).isEqualTo("SYN-G2");
        assertThat(c.group("K80.1", "99.99")).isNull();
        assertThat(c.group("M17", "81.54").code()).isEqualTo("SYN-G5");
        assertThat(c.group("K80.1", "51.23").name()).isEqualTo("SYNTHETIC gallstone, laparoscopic cholecystectomy");
    }

    @Test
    void columns_may_come_in_any_order_with_a_bom() {
        DipCatalogue c = DipCatalogueReader.read("x", new StringReader(
                "\uFEFFscore,averageCost,group,diagnosis,procedure,name,remark\n12.3456,99.90,G,A00,,n,whatever\n"));
        assertThat(c.group("A00", "").score()).isEqualTo(123456L);
        assertThat(c.group("A00", "").averageCost()).isEqualTo(Money.parse("99.90"));
    }

    @Test
    void a_bad_catalogue_is_refused_with_its_line() {
        assertCode(() -> DipCatalogueReader.read("x", new StringReader(HEADER + "G,A00,,n,1.23456,10.00\n")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> DipCatalogueReader.read("x", new StringReader(HEADER + "G,A00,,n,1,10.001\n")), ErrorCode.INVALID_AMOUNT);
        assertCode(() -> DipCatalogueReader.read("x", new StringReader(HEADER + "G,A00,,n,1,0.00\n")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> DipCatalogueReader.read("x", new StringReader(HEADER + "G,A00,,n,1,1.00\nH,A00,,m,2,1.00\n")),
                ErrorCode.INVALID_REQUEST);
        assertCode(() -> DipCatalogueReader.read("x", new StringReader("group,diagnosis,score\nG,A00,1\n")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> DipCatalogueReader.read("x", new StringReader(HEADER)), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void reads_a_case_list() {
        DipCase c = DipCaseListReader.read("x", new StringReader(CASES + "k1,T1,\"K80.1\",51.23,2023-03-01,100.5,10,0.50\n")).get(0);
        assertThat(c).isEqualTo(new DipCase("k1", "T1", "K80.1", "51.23", LocalDate.of(2023, 3, 1), Money.parse("100.50"),
                Money.parse("10.00"), Money.parse("0.50")));
    }

    @Test
    void amounts_read_fast_or_slow_are_the_same_money() {
        for (String t : new String[] {"0", "7", "7.5", "7.50", "1234567.89", "007.10", "1e2", "+3.1", "12.30", ".5", "5."}) {
            assertThat(DipCaseListReader.read("x", new StringReader(CASES + "k,T,A,,2023-01-01," + t + ",0,0\n")).get(0).totalCost())
                    .as(t).isEqualTo(Money.parse(t));
        }
        for (String bad : new String[] {"1.234", "1..2", "-0.01", "1,5", "¥5"}) {
            assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + "k,T,A,,2023-01-01,\"" + bad + "\",0,0\n")),
                    ErrorCode.INVALID_AMOUNT);
        }
    }

    @Test
    void a_bad_case_is_refused_with_a_code() {
        assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + "k,T1,A,,2023-02-30,1,0,0\n")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + "k,T1,A,,23-02-01,1,0,0\n")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + "k,T1,A,,2023-13-01,1,0,0\n")), ErrorCode.INVALID_REQUEST);
        assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + "k,T1,A,,2023-01-01,-1,0,0\n")), ErrorCode.INVALID_AMOUNT);
        assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + "k,T1,A,,2023-01-01,abc,0,0\n")), ErrorCode.INVALID_AMOUNT);
        assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + "k,T1,A,,2023-01-01,1,1,1\n")), ErrorCode.INVALID_AMOUNT);
        assertCode(() -> DipCaseListReader.read("x", new StringReader(CASES + ",T1,A,,2023-01-01,1,0,0\n")), ErrorCode.INVALID_REQUEST);
    }
}
