package org.gongji.api.spi.chronic;

import java.util.List;
import java.util.Objects;
import org.gongji.api.region.Citation;
import org.gongji.api.rules.Parameter;

/**
 * One disease of a region's chronic and special-disease catalogue (门诊慢特病病种目录) on a date.
 *
 * @param code the catalogue code (a letter and five digits, e.g. M03900)
 * @param citation where the catalogue lists the disease
 * @param group the group of diseases whose terms apply (e.g. 慢性病, 特殊疾病); null when the region sets no terms for it
 * @param cover per-disease cover (病种保障) or, after the region moved it, cost-based cover (费用保障)
 * @param terms the parameter rows in force that make the disease's terms, each with its citation
 */
public record ChronicDisease(String code, String name, Citation citation, String group, Cover cover, List<Parameter> terms) {

    /** 病种保障向费用保障过渡. */
    public enum Cover {
        /** 病种保障: the disease's own deductible, ratio and limit. */
        DISEASE,
        /** 费用保障: the visit is settled under the general outpatient pooling, whatever the disease. */
        COST
    }

    public ChronicDisease {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cover, "cover");
        terms = List.copyOf(terms);
    }
}
