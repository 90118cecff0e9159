package org.gongji.store;

/** The booking services over one database. */
public interface Store {

    PersonDirectory persons();

    SettlementService settlements();

    AccountService accounts();

    /** Provider payment runs (按人头, DIP, 按项目). */
    ProviderPaymentService providerPayments();

    /** Long work in chunks (crediting, imports): {@code GET /api/v1/jobs/{jobId}}. */
    JobService jobs();

    /** Fund simulations (基金测算) of draft rules over a year of booked claims. */
    SimulationService simulations();

    /** The deployment's clock: its zone says what date "today" is (China's, see {@link ChinaTime}). */
    java.time.Clock clock();

    /** Who wrote what, when. */
    AuditLog audit();

    /** The API's clients and their tokens. */
    ClientDirectory clients();

    /** Online backups of the embedded database ({@code POST /api/v1/backups}). */
    Backups backups();

    /** Health and metrics of the store; empty for a store that keeps none. */
    default java.util.Optional<StoreMonitor> monitor() {
        return java.util.Optional.empty();
    }
}
