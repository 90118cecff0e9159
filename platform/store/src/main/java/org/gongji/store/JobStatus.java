package org.gongji.store;

/** Where a job stands: {@code QUEUED} until the runner takes it, {@code RUNNING}, then {@code DONE} or {@code FAILED}. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public boolean ended() {
        return this == DONE || this == FAILED;
    }
}
