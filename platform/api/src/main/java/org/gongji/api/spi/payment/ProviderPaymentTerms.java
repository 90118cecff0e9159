package org.gongji.api.spi.payment;

import java.time.LocalDate;
import java.util.Set;
import org.gongji.api.rules.ParameterTable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which provider payment methods a region uses and where their numbers are. The methods
 * themselves are implemented by the platform; the region supplies the numbers as parameters
 * ({@code payment.perCapita.*}, {@code payment.dip.*}, {@code payment.perItem.*}).
 */
@ConsumerType
public interface ProviderPaymentTerms {

    /** The methods the region uses on the date. */
    Set<ProviderPaymentMethod> methods(LocalDate date);

    /** The region's parameters, including the payment numbers. */
    ParameterTable parameters();
}
