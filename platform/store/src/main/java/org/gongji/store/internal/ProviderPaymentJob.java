package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import org.gongji.api.region.RegionCode;
import org.gongji.api.spi.region.Region;
import org.gongji.store.Booked;
import org.gongji.store.PaymentRunRecord;
import org.gongji.store.PaymentRunRequest;
import org.gongji.store.WriteContext;

/**
 * A provider payment run as a job: one chunk, computed outside the writer, stored as a draft in one
 * short write. The result is the run's id and whether it had been computed before.
 */
final class ProviderPaymentJob implements JobHandler {

    static final String KIND = "provider-payment";

    private final JpaProviderPaymentService payments;

    ProviderPaymentJob(JpaProviderPaymentService payments) {
        this.payments = payments;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(RegionCode region, String input) {
        payments.check(PaymentRunCodec.decode(input));
    }

    @Override
    public Start start(Job job) {
        return new Start(1, "");
    }

    @Override
    public Chunk next(Job job) {
        if (job.cursor() != null) {
            return null;
        }
        PaymentRunRequest request = PaymentRunCodec.decode(job.input());
        Region rules = payments.check(request);
        JpaProviderPaymentService.Computed computed = payments.compute(request, rules);
        String fingerprint = JpaProviderPaymentService.fingerprint(request);
        return new Chunk("computed", 1, (em, state) -> {
            Booked<PaymentRunRecord> run = payments.store(em, request, rules, fingerprint, computed,
                    WriteContext.by(job.actor()).byClient(job.clientId()));
            return run.value().id() + ";" + run.replayed();
        });
    }

    @Override
    public String finish(EntityManager em, Job job) {
        return job.state();
    }
}
