package org.gongji.store.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongji.api.region.RegionCode;
import org.gongji.store.Booked;
import org.gongji.store.ImportLine;
import org.gongji.store.ImportResult;
import org.gongji.store.ImportUpload;
import org.gongji.store.JobRecord;
import org.gongji.store.WriteContext;

/**
 * The lines of an import job staged as the API reads them: encoded one a text line into parts of
 * {@link JobInputRow#PART} characters, {@value #PARTS_A_WRITE} parts (about 1 MB) a transaction,
 * so that a body of hundreds of megabytes is never whole in memory nor one long write.
 */
final class StagedImport<T> implements ImportUpload<T> {

    private static final int PARTS_A_WRITE = 32;

    private final JpaJobService jobs;
    private final String kind;
    private final String jobId;
    private final StringBuilder part = new StringBuilder(JobInputRow.PART);
    private final List<String> full = new ArrayList<>(PARTS_A_WRITE);
    private int stagedParts;
    private int lines;
    private boolean submitted;

    StagedImport(JpaJobService jobs, String kind) {
        this.jobs = jobs;
        this.kind = kind;
        this.jobId = jobs.newId();
    }

    @Override
    public void add(ImportLine<T> line) {
        append(StoredImportLine.of(line).encode());
    }

    @Override
    public void refuse(ImportResult.Refusal refusal) {
        append(StoredImportLine.of(refusal).encode());
    }

    private void append(String encoded) {
        if (submitted) {
            throw new IllegalStateException("the import was submitted");
        }
        String text = encoded + "\n";
        int i = 0;
        while (i < text.length()) {
            int n = Math.min(JobInputRow.PART - part.length(), text.length() - i);
            if (n < text.length() - i && n > 0 && Character.isHighSurrogate(text.charAt(i + n - 1))) {
                n--; // a part ends between whole characters (PostgreSQL stores UTF-8)
            }
            part.append(text, i, i + n);
            i += n;
            if (i < text.length() || part.length() == JobInputRow.PART) {
                endPart();
            }
        }
        lines++;
        if (full.size() >= PARTS_A_WRITE) {
            stage();
        }
    }

    private void endPart() {
        full.add(part.toString());
        part.setLength(0);
    }

    private void stage() {
        if (!full.isEmpty()) {
            jobs.stage(jobId, stagedParts, full);
            stagedParts += full.size();
            full.clear();
        }
    }

    @Override
    public Booked<JobRecord> submit(RegionCode region, WriteContext context) {
        if (!part.isEmpty()) {
            endPart();
        }
        stage();
        submitted = true;
        return jobs.submitStaged(kind, region, jobId, ImportJob.Tally.start(lines).encode(), context, "job:" + kind);
    }

    @Override
    public void close() {
        if (!submitted && stagedParts > 0) {
            jobs.discard(jobId);
        }
    }
}
