package org.gongji.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongji.api.rules.Parameter;
import org.gongji.api.rules.ParameterTable;
import org.gongji.api.spi.region.BoundViolation;

/**
 * The province's chronic and special-disease catalogue is the floor of every city's (鲁政办发〔2021〕22号
 * 二(三) 全省统一的门诊慢特病基本病种目录): on every date, each disease the province lists
 * ({@code chronic.disease.<CODE>}) is listed by the city too; a city may add diseases.
 * Row: {@code bound.chronic.catalogue.included | yes}.
 */
public final class CatalogueBound extends TableBound {

    private final ParameterTable province;

    public CatalogueBound(ParameterTable province, String key, BoundTarget target) {
        super(province, key, target);
        this.province = province;
    }

    @Override
    protected List<BoundViolation> violations(Parameter limit, List<CityValue> values, ParameterTable city, LocalDate date) {
        if (!"yes".equals(limit.text())) {
            return List.of();
        }
        List<BoundViolation> violations = new ArrayList<>();
        for (String code : StandardChronicDiseaseCoverage.codesOf(province)) {
            if (StandardChronicDiseaseCoverage.listing(province, code, date).isPresent()
                    && StandardChronicDiseaseCoverage.listing(city, code, date).isEmpty()) {
                violations.add(violation(StandardChronicDiseaseCoverage.DISEASE_PREFIX + code, "not listed", limit, date));
            }
        }
        return violations;
    }

    @Override
    protected String expectation(Parameter limit, LocalDate date) {
        return "lists every disease of the province's catalogue";
    }
}
