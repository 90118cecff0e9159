package org.gongji.api.spi.payment;

import java.util.Objects;
import java.util.Set;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.region.Citation;
import org.gongji.api.visit.MedicalType;

/**
 * Which settlements a payment method covers: by medical type and, optionally, institution level
 * (e.g. 焦作 pays general outpatient at primary institutions per capita, 对基层医疗服务可按人头付费).
 *
 * @param levels the institution levels covered; empty means every level
 * @param parameter the parameters that set the scope, as a trace shows them
 */
public record PaymentScope(Set<MedicalType> medTypes, Set<InstitutionLevel> levels, String parameter, Citation citation) {

    public PaymentScope {
        medTypes = Set.copyOf(medTypes);
        levels = Set.copyOf(levels);
        Objects.requireNonNull(citation, "citation");
    }

    public boolean covers(MedicalType medType, InstitutionLevel level) {
        return medTypes.contains(medType) && (levels.isEmpty() || levels.contains(level));
    }
}
