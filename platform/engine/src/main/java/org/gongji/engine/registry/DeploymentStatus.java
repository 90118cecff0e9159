package org.gongji.engine.registry;

/** Whether a deployed region bundle takes traffic. */
public enum DeploymentStatus {
    /** Settles for its region. */
    SERVING,
    /** Deployed but refused: its numbers violate its province's bounds. */
    REFUSED,
    /** Deployed and conforming, but a newer version of the same region serves. */
    STANDBY,
    /** The bundle failed to resolve or activate; the region keeps its previous version if any. */
    FAILED
}
