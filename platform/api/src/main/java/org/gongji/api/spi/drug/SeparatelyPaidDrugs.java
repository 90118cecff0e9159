package org.gongji.api.spi.drug;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.gongji.api.institution.Institution;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The negotiated drugs a region pays separately (单独支付, 鲁政办发〔2021〕22号 二(三)): a fee line for
 * such a drug, dispensed where the region allows it, is settled on its own under the drug's terms,
 * outside the visit's benefit and outside the institution's budget (二(七)).
 */
@ConsumerType
public interface SeparatelyPaidDrugs {

    /** The drug codes listed on the date. */
    Set<String> listed(LocalDate date);

    /** The terms of a listed drug dispensed at the institution on the date; empty when not listed. */
    Optional<DrugTerms> terms(String code, Institution institution, LocalDate date);
}
