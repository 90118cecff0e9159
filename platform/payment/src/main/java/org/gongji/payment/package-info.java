/**
 * How the fund pays providers for a period: per capita under a global budget (按人头, 结余留用、合理超支分担),
 * by DIP case points (按病种分值) and per item (按项目), each over the region's
 * {@link org.gongji.api.spi.payment.ProviderPaymentTerms} in force on the first day of the period.
 * Pure: inputs in, a {@link org.gongji.payment.PaymentRun} with a per-institution trace out.
 * The CSV readers take a {@link java.io.Reader}; they open nothing themselves.
 */
@Export
@Version("1.0.0")
package org.gongji.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
