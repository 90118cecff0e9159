package org.gongji.engine.registry;

/** Whether a deployed region bundle takes traffic. */
public enum DeploymentStatus {
    /** Settles for its region. */
    SERVING,
    /** Deployed but refused: its numbers violate its province's bounds. */
    REFUSED,
    /**
     * Deployed and read, but a city whose province is not deployed: it cannot be checked against
     * the province's bounds, so it does not serve (fail closed) until the province comes.
     */
    WAITING,
    /** Deployed and conforming, but a newer version of the same region serves. */
    STANDBY,
    /** The bundle failed to resolve or activate; the region keeps its previous version if any. */
    FAILED
}
