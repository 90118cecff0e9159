package org.gongji.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Ratio;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.payment.DipTerms;
import org.gongji.api.spi.payment.ProviderPaymentMethod;
import org.gongji.api.visit.MedicalType;
import org.gongji.rules.ParameterTableReader;
import org.junit.jupiter.api.Test;

class StandardProviderPaymentTermsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    private static StandardProviderPaymentTerms terms(String... lines) {
        List<Parameter> parameters = new ArrayList<>();
        for (String line : lines) {
            parameters.add(ParameterTableReader.parse(line, "test"));
        }
        return new StandardProviderPaymentTerms(ParameterTable.of("test", parameters));
    }

    @Test
    void a_method_is_used_from_the_date_its_row_names_and_only_the_methods_listed() {
        StandardProviderPaymentTerms t = terms("payment.methods | PER_ITEM | 2024-01-01 | 文件 一 |",
                "payment.perItem.separatelyPaid | XN01, XN02 | 2024-01-01 | 文件 二 |");
        assertThat(t.methods(DAY.minusDays(1))).isEmpty();
        assertThat(t.methods(DAY)).containsExactly(ProviderPaymentMethod.PER_ITEM);
        assertThat(t.perItem(DAY).orElseThrow().paidSeparately("XN02")).isTrue();
        assertThat(t.perItem(DAY).orElseThrow().paidSeparately("XN03")).isFalse();
        assertThat(t.perCapita(DAY)).isEmpty();
        assertThat(t.dip(DAY)).isEmpty();
    }

    @Test
    void dip_levels_default_to_all_and_coefficients_are_read_per_level() {
        DipTerms dip = terms("payment.methods | DIP | 2024-01-01 | 文件 一 |",
                "payment.dip.medTypes | DAY_SURGERY | 2024-01-01 | 文件 二 |",
                "payment.dip.levels | ALL | 2024-01-01 | 文件 二 |",
                "payment.dip.highRatio | 250% | 2024-01-01 | ASSUMPTION | 试验",
                "payment.dip.lowRatio | 40% | 2024-01-01 | ASSUMPTION | 试验",
                "payment.dip.coefficient.secondary | 95% | 2024-01-01 | ASSUMPTION | 试验").dip(DAY).orElseThrow();
        assertThat(dip.scope().covers(MedicalType.DAY_SURGERY, InstitutionLevel.PRIMARY)).isTrue();
        assertThat(dip.scope().covers(MedicalType.INPATIENT, InstitutionLevel.PRIMARY)).isFalse();
        assertThat(dip.highRatio().value()).isEqualTo(Ratio.ofPercent(250));
        assertThat(dip.coefficient(InstitutionLevel.SECONDARY).value()).isEqualTo(Ratio.ofPercent(95));
        assertThatThrownBy(() -> dip.coefficient(InstitutionLevel.TERTIARY)).isInstanceOf(GongjiException.class)
                .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.RULES_NOT_IN_FORCE);
    }

    @Test
    void a_used_method_without_its_numbers_or_with_a_misspelled_list_is_refused() {
        StandardProviderPaymentTerms missing = terms("payment.methods | PER_CAPITA | 2024-01-01 | 文件 一 |",
                "payment.perCapita.medTypes | GENERAL_OUTPATIENT | 2024-01-01 | 文件 二 |");
        assertThatThrownBy(() -> missing.perCapita(DAY)).isInstanceOf(GongjiException.class)
                .extracting(e -> ((GongjiException) e).code()).isEqualTo(ErrorCode.RULES_NOT_IN_FORCE);
        StandardProviderPaymentTerms misspelled = terms("payment.methods | PER_CAPTA | 2024-01-01 | 文件 一 |");
        assertThatThrownBy(() -> misspelled.methods(DAY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payment.methods");
    }
}
