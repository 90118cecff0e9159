package org.gongji.store;

import java.util.List;
import java.util.Optional;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.payment.ProviderPaymentMethod;

/**
 * Pays the institutions of a region for a period by one method (按人头, DIP, 按项目) and stores the
 * run. A region's period is paid once per method: running it again with the same inputs returns the
 * stored run ({@link Booked#replayed()}), with other inputs (another budget, case list or headcount)
 * it is refused with {@code IDEMPOTENCY_CONFLICT}, and a period overlapping a stored one (a month of
 * a paid quarter) with {@code INVALID_REQUEST}.
 */
public interface ProviderPaymentService {

    Booked<PaymentRunRecord> run(PaymentRunRequest request, WriteContext context);

    Optional<PaymentRunRecord> find(String runId);

    /** The stored runs of a region and method, oldest period first. */
    List<PaymentRunRecord> runs(RegionCode region, ProviderPaymentMethod method);
}
