package org.gongji.store.internal;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongji.api.region.RegionCode;
import org.gongji.store.ImportResult;
import org.gongji.store.WriteContext;

/**
 * A bulk import as a job ({@code person-import}, {@code institution-import}): the lines the API read
 * are staged in the job's input ({@link StoredImportLine}, one a text line), then booked
 * {@value #CHUNK} lines a chunk, each chunk one transaction as the synchronous import writes it.
 * The cursor is where the next chunk starts in the input (part and offset); the tallies and the
 * refused lines (the first {@value #LISTED}, in {@code gj_job_refusal}) are stored with each chunk,
 * so a job resumed after a crash neither writes a line twice nor loses a refusal.
 */
final class ImportJob implements JobHandler {

    static final String PERSONS = "person-import";
    static final String INSTITUTIONS = "institution-import";
    static final int CHUNK = org.gongji.store.ImportUpload.CHUNK_LINES;
    /** Refused lines listed at most, as the synchronous answer lists them (all are counted). */
    static final int LISTED = JpaPersonDirectory.MAX_REFUSALS_LISTED;
    /** Parts of the input read at a time. */
    private static final int PARTS_A_READ = 8;

    /** Books the accepted lines of a chunk in the chunk's transaction. */
    interface Booking {
        ImportResult book(EntityManager em, List<StoredImportLine> lines, WriteContext context);
    }

    private final String kind;
    private final Database db;
    private final Journal journal;
    private final Booking booking;

    ImportJob(String kind, Database db, Journal journal, Booking booking) {
        this.kind = kind;
        this.db = db;
        this.journal = journal;
        this.booking = booking;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public boolean readsInputInParts() {
        return true;
    }

    @Override
    public void check(RegionCode region, String input) {
        // the lines were read and checked as they were staged
    }

    @Override
    public Start start(Job job) {
        Tally t = Tally.decode(job.state());
        return new Start(t.lines(), t.encode());
    }

    @Override
    public Chunk next(Job job) {
        Read read = read(job.id(), job.cursor());
        if (read.lines().isEmpty()) {
            return null;
        }
        List<StoredImportLine> lines = read.lines().stream().map(StoredImportLine::decode).toList();
        return new Chunk(read.cursor(), lines.size(), (em, state) -> book(em, job, Tally.decode(state), lines).encode());
    }

    private Tally book(EntityManager em, Job job, Tally tally, List<StoredImportLine> lines) {
        List<ImportResult.Refusal> refusals = new ArrayList<>();
        List<StoredImportLine> accepted = new ArrayList<>(lines.size());
        for (StoredImportLine line : lines) {
            if (line.isRefusal()) {
                refusals.add(line.refusal());
            } else {
                accepted.add(line);
            }
        }
        ImportResult booked = accepted.isEmpty() ? ImportResult.EMPTY : booking.book(em, accepted, job.context());
        refusals.addAll(booked.refusals());
        refusals.sort(Comparator.comparingInt(ImportResult.Refusal::line));
        int room = Math.max(0, LISTED - tally.listed());
        List<ImportResult.Refusal> listed = refusals.subList(0, Math.min(room, refusals.size()));
        list(em, job.id(), listed);
        return new Tally(tally.lines(), tally.created() + booked.created(), tally.updated() + booked.updated(),
                tally.unchanged() + booked.unchanged(), tally.refused() + booked.refused() + (lines.size() - accepted.size()),
                tally.listed() + listed.size());
    }

    private static void list(EntityManager em, String jobId, List<ImportResult.Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO gj_job_refusal (job_id, line_no, code, detail)"
                + " VALUES (?, ?, ?, ?)")) {
            for (ImportResult.Refusal r : refusals) {
                s.setString(1, jobId);
                s.setInt(2, r.line());
                s.setString(3, r.code().name());
                String detail = r.detail();
                s.setString(4, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the refused lines of job " + jobId, e);
        }
    }

    @Override
    public String finish(EntityManager em, Job job) {
        Tally t = Tally.decode(job.state());
        journal.audit(em, job.context(), job.region() == null ? null : job.region().value(),
                kind.equals(PERSONS) ? "IMPORT_PERSONS" : "IMPORT_INSTITUTIONS", "job/" + job.id(), t.lines() + " lines: created "
                        + t.created() + ", updated " + t.updated() + ", unchanged " + t.unchanged() + ", refused " + t.refused());
        return t.encode();
    }

    /** The job's answer: its counts and the refused lines listed. */
    static ImportResult result(Database db, String jobId, String result) {
        Tally t = Tally.decode(result);
        List<ImportResult.Refusal> refusals = db.read(em -> {
            List<Object[]> rows = em.createNativeQuery("SELECT line_no, code, detail FROM gj_job_refusal WHERE job_id = ?"
                    + " ORDER BY line_no").setParameter(1, jobId).getResultList();
            List<ImportResult.Refusal> found = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                found.add(new ImportResult.Refusal(((Number) row[0]).intValue(),
                        org.gongji.api.error.ErrorCode.valueOf((String) row[1]), (String) row[2]));
            }
            return found;
        });
        return new ImportResult(t.created(), t.updated(), t.unchanged(), t.refused(), refusals);
    }

    /** Lines read from the cursor on, and the cursor after them. */
    private record Read(List<String> lines, String cursor) {
    }

    /** Up to {@value #CHUNK} lines from {@code cursor} ({@code part:offset}, null: the start); a line may span parts. */
    private Read read(String jobId, String cursor) {
        int part = 0;
        int offset = 0;
        if (cursor != null) {
            int colon = cursor.indexOf(':');
            part = Integer.parseInt(cursor.substring(0, colon));
            offset = Integer.parseInt(cursor.substring(colon + 1));
        }
        List<String> lines = new ArrayList<>(CHUNK);
        StringBuilder partial = new StringBuilder();
        while (true) {
            int from = part;
            List<JobInputRow> parts = db.read(em -> em.createQuery("SELECT p FROM JobInputRow p WHERE p.jobId = :j"
                    + " AND p.partNo >= :from ORDER BY p.partNo", JobInputRow.class)
                    .setParameter("j", jobId).setParameter("from", from).setMaxResults(PARTS_A_READ).getResultList());
            if (parts.isEmpty()) {
                if (!partial.isEmpty()) {
                    lines.add(partial.toString());
                }
                return new Read(lines, part + ":0");
            }
            for (JobInputRow p : parts) {
                String text = p.text;
                int pos = p.partNo == part ? offset : 0;
                while (pos < text.length()) {
                    int end = text.indexOf('\n', pos);
                    if (end < 0) {
                        partial.append(text, pos, text.length());
                        pos = text.length();
                        break;
                    }
                    partial.append(text, pos, end);
                    lines.add(partial.toString());
                    partial.setLength(0);
                    pos = end + 1;
                    if (lines.size() == CHUNK) {
                        return new Read(lines, pos < text.length() ? p.partNo + ":" + pos : (p.partNo + 1) + ":0");
                    }
                }
                part = p.partNo + 1;
                offset = 0;
            }
        }
    }

    /** What the committed chunks counted; {@code listed} refusals are stored in {@code gj_job_refusal}. */
    record Tally(int lines, int created, int updated, int unchanged, int refused, int listed) {

        static Tally start(int lines) {
            return new Tally(lines, 0, 0, 0, 0, 0);
        }

        String encode() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("lines", Integer.toString(lines));
            m.put("created", Integer.toString(created));
            m.put("updated", Integer.toString(updated));
            m.put("unchanged", Integer.toString(unchanged));
            m.put("refused", Integer.toString(refused));
            m.put("listed", Integer.toString(listed));
            return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
        }

        static Tally decode(String text) {
            Map<String, Integer> m = new HashMap<>();
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                m.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            }
            return new Tally(m.get("lines"), m.get("created"), m.get("updated"), m.get("unchanged"), m.get("refused"),
                    m.get("listed"));
        }
    }
}
