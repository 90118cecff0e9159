package org.gongji.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One part (at most {@link #PART} characters) of a job's input. */
@Entity
@Table(name = "gj_job_input")
@IdClass(JobInputRow.Key.class)
public class JobInputRow {

    static final int PART = 32_000;

    @Id
    @Column(name = "job_id")
    String jobId;
    @Id
    @Column(name = "part_no")
    int partNo;
    @Column(name = "part_text")
    String text;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String jobId;
        int partNo;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.jobId, jobId) && k.partNo == partNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, partNo);
        }
    }
}
