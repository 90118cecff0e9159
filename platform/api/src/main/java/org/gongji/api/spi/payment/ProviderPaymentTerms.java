package org.gongji.api.spi.payment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.gongji.api.rules.ParameterTable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The numbers a region sets for paying providers after the fact. The methods themselves are
 * implemented by the platform ({@code org.gongji.payment}); a region supplies which
 * methods it uses, which settlements each covers, and their numbers, each with its citation.
 * The rules bundle ({@code org.gongji.rules}) reads them from the standard
 * {@code payment.*} keys of the region's table.
 *
 * <p>A settlement is paid per capita when the per-capita scope covers it, else by DIP when the DIP
 * scope covers it, else per item when the region uses per-item payment.
 */
@ConsumerType
public interface ProviderPaymentTerms {

    /** The methods the region uses on the date. */
    Set<ProviderPaymentMethod> methods(LocalDate date);

    /** Per-capita terms in force on the date; empty when the region does not pay per capita then. */
    Optional<PerCapitaTerms> perCapita(LocalDate date);

    /** DIP terms in force on the date; empty when the region does not pay by DIP then. */
    Optional<DipTerms> dip(LocalDate date);

    /** Per-item terms in force on the date; empty when the region does not pay per item then. */
    Optional<PerItemTerms> perItem(LocalDate date);

    /**
     * DRG terms in force on the date (same shape as DIP's: scope, outlier ratios, level coefficients);
     * empty when the region does not pay by DRG then.
     */
    default Optional<DipTerms> drg(LocalDate date) {
        return Optional.empty();
    }

    /** Bed-day terms in force on the date; empty when the region does not pay by bed-day then. */
    default Optional<BedDayTerms> bedDay(LocalDate date) {
        return Optional.empty();
    }

    /** The region's parameters, including the payment numbers. */
    ParameterTable parameters();
}
