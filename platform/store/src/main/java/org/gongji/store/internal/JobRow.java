package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A job: its kind, where it stands, and the cursor and tallies its last committed chunk left. */
@Entity
@Table(name = "gj_job")
public class JobRow {

    @Id
    String id;
    String kind;
    String region;
    String status;
    @Column(name = "job_cursor")
    String cursor;
    @Column(name = "progress_done")
    long done;
    @Column(name = "progress_total")
    long total;
    @Column(name = "job_state")
    String state;
    @Column(name = "result_text")
    String result;
    @Column(name = "problem_code")
    String problemCode;
    @Column(name = "problem_detail")
    String problemDetail;
    String actor;
    /** The API client that submitted the job (null: the platform itself). */
    @Column(name = "client_id")
    String clientId;
    @Column(name = "idem_key")
    String idempotencyKey;
    @Column(name = "created_at")
    LocalDateTime createdAt;
    @Column(name = "started_at")
    LocalDateTime startedAt;
    @Column(name = "finished_at")
    LocalDateTime finishedAt;
}
