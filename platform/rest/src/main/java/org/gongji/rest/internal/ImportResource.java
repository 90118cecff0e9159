package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Consumer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.api.institution.Institution;
import org.gongji.api.institution.InstitutionLevel;
import org.gongji.api.money.Money;
import org.gongji.api.person.Person;
import org.gongji.api.person.PersonCategory;
import org.gongji.api.region.RegionCode;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Requests.FamilyBody;
import org.gongji.rest.internal.Requests.InstitutionBody;
import org.gongji.rest.internal.Requests.PersonBody;
import org.gongji.rest.internal.Requests.RecognitionBody;
import org.gongji.store.ImportLine;
import org.gongji.store.ImportResult;
import org.gongji.store.ImportUpload;
import org.gongji.store.Role;
import org.gongji.store.Store;
import org.gongji.store.WriteContext;

/**
 * Bulk import of persons and institutions (a bureau loads its insured from the enrolment system):
 * {@code application/x-ndjson}, one JSON object a line with the fields of the {@code PUT} plus the
 * id. The body is read line by line and written in chunks of {@value #CHUNK} lines, each its own
 * transaction taking turns with settlements; each line lands or is refused on its own.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {

    public static final String NDJSON = "application/x-ndjson";
    /** Lines per transaction. */
    static final int CHUNK = 1000;
    /** A line longer than this is refused without being kept whole (one person is far smaller). */
    static final int MAX_LINE_CHARS = 64 * 1024;
    /** Refused lines listed at most, whatever the size of the body (all are counted). */
    static final int LISTED = 10_000;

    private final Store store;
    private final Writes writes;
    private final JobResource jobs;
    private final ObjectReader personLines;
    private final ObjectReader institutionLines;

    ImportResource(Store store, ObjectMapper mapper, Writes writes, JobResource jobs) {
        this.store = store;
        this.writes = writes;
        this.jobs = jobs;
        this.personLines = mapper.readerFor(PersonLine.class);
        this.institutionLines = mapper.readerFor(InstitutionLine.class);
    }

    /** A line of a person import: the {@code PUT} body with {@code personId}. */
    record PersonLine(String personId, String name, LocalDate birthDate, PersonCategory category, String region,
            Money monthlyContributionBase, LocalDate retirementDate, String familyDoctorInstitutionId,
            List<RecognitionBody> chronicDiseases, List<FamilyBody> family, LocalDate effectiveFrom) {

        ImportLine<Person> toLine(int line, LocalDate today) {
            PersonBody body = new PersonBody(name, birthDate, category, region, monthlyContributionBase, retirementDate,
                    familyDoctorInstitutionId, chronicDiseases, family, effectiveFrom);
            return new ImportLine<>(line, body.toPerson(Requests.checkedId(personId, "personId"), today), effectiveFrom);
        }
    }

    /** A line of an institution import: the {@code PUT} body with {@code institutionId}. */
    record InstitutionLine(String institutionId, String name, String region, InstitutionLevel level, Boolean provincial) {

        ImportLine<Institution> toLine(int line) {
            return new ImportLine<>(line, new InstitutionBody(name, region, level, provincial).toInstitution(institutionId),
                    null);
        }
    }

    record RefusedLineView(int line, String code, String detail) {
    }

    /**
     * What the import did; {@code refusedLines} lists the first {@value #LISTED}
     * refusals ({@code refused} counts them all).
     */
    record ImportView(int lines, int created, int updated, int unchanged, int refused, List<RefusedLineView> refusedLines) {
        static ImportView of(ImportResult r) {
            return new ImportView(r.lines(), r.created(), r.updated(), r.unchanged(), r.refused(), r.refusals().stream()
                    .map(x -> new RefusedLineView(x.line(), x.code().name(), x.detail())).toList());
        }
    }

    @POST
    @Path("persons/import")
    @Consumes(NDJSON)
    @Tag(name = "persons")
    @io.swagger.v3.oas.annotations.Operation(operationId = "importPersons", summary = "Imports persons as NDJSON, one object a line; each line lands or is refused on its own",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "200", description = "the counts and the refused lines",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)))
    @ApiResponse(responseCode = "202", description = "Prefer: respond-async: the import runs as a job, whose result is the same answer",
            headers = {@Header(name = "Location", description = "the job", schema = @Schema(type = "string")),
                @Header(name = "Preference-Applied", schema = @Schema(type = "string", allowableValues = "respond-async"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobResource.JobView.class)))
    @Refusals({ErrorCode.IDEMPOTENCY_CONFLICT})
    public Response importPersons(@Parameter(hidden = true) InputStream body,
            @Parameter(description = "with Prefer: respond-async, the same key and body return the first job", schema = @Schema(type = "string", minLength = 1, maxLength = WriteContext.MAX_KEY_LENGTH)) @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor,
            @Parameter(description = "respond-async: answer 202 at once and run as a job", schema = @Schema(type = "string")) @HeaderParam(JobResource.PREFER) List<String> prefer,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Predicate<RegionCode> scope = writableRegions(caller, Access.Operation.IMPORT_PERSONS);
        LocalDate today = LocalDate.now(store.clock());
        BiFunction<PersonLine, Integer, ImportLine<Person>> convert = (l, n) -> {
            ImportLine<Person> line = l.toLine(n, today);
            return inScope(line, line.value().region(), scope);
        };
        if (JobResource.respondAsync(prefer)) {
            writes.context(security, key, actor, "POST", "/api/v1/persons/import", ""); // a bad key is refused before the body is read
            try (ImportUpload<Person> upload = store.persons().personImport()) {
                return submit(caller, body, personLines, convert, p -> p.region(), upload,
                        digest -> writes.context(security, key, actor, "POST", "/api/v1/persons/import", digest));
            }
        }
        WriteContext context = writes.context(security, null, actor, "POST", "/api/v1/persons/import", null);
        return Response.ok(ImportView.of(run(body, personLines, convert, chunk -> store.persons().importPersons(chunk, context))))
                .build();
    }

    @POST
    @Path("institutions/import")
    @Consumes(NDJSON)
    @Tag(name = "institutions")
    @io.swagger.v3.oas.annotations.Operation(operationId = "importInstitutions", summary = "Imports institutions as NDJSON, one object a line; each line lands or is refused on its own",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "200", description = "the counts and the refused lines",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportView.class)))
    @ApiResponse(responseCode = "202", description = "Prefer: respond-async: the import runs as a job, whose result is the same answer",
            headers = {@Header(name = "Location", description = "the job", schema = @Schema(type = "string")),
                @Header(name = "Preference-Applied", schema = @Schema(type = "string", allowableValues = "respond-async"))},
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobResource.JobView.class)))
    @Refusals({ErrorCode.IDEMPOTENCY_CONFLICT})
    public Response importInstitutions(@Parameter(hidden = true) InputStream body,
            @Parameter(description = "with Prefer: respond-async, the same key and body return the first job", schema = @Schema(type = "string", minLength = 1, maxLength = WriteContext.MAX_KEY_LENGTH)) @HeaderParam(Writes.IDEMPOTENCY_KEY) String key,
            @HeaderParam(Writes.ACTOR) String actor,
            @Parameter(description = "respond-async: answer 202 at once and run as a job", schema = @Schema(type = "string")) @HeaderParam(JobResource.PREFER) List<String> prefer,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Predicate<RegionCode> scope = writableRegions(caller, Access.Operation.IMPORT_INSTITUTIONS);
        BiFunction<InstitutionLine, Integer, ImportLine<Institution>> convert = (l, n) -> {
            ImportLine<Institution> line = l.toLine(n);
            return inScope(line, line.value().region(), scope);
        };
        if (JobResource.respondAsync(prefer)) {
            writes.context(security, key, actor, "POST", "/api/v1/institutions/import", "");
            try (ImportUpload<Institution> upload = store.persons().institutionImport()) {
                return submit(caller, body, institutionLines, convert, i -> i.region(), upload,
                        digest -> writes.context(security, key, actor, "POST", "/api/v1/institutions/import", digest));
            }
        }
        WriteContext context = writes.context(security, null, actor, "POST", "/api/v1/institutions/import", null);
        return Response.ok(ImportView.of(run(body, institutionLines, convert,
                chunk -> store.persons().importInstitutions(chunk, context)))).build();
    }

    /**
     * Reads the body into the upload and submits it as a job: {@code 202} with its Location. The
     * request's fingerprint (for {@code Idempotency-Key}) is the SHA-256 of the body. The job is
     * the caller's region's (a bureau's), or the one region every line names, or none (ADMIN only).
     */
    private <L, T> Response submit(Caller caller, InputStream body, ObjectReader reader, BiFunction<L, Integer, ImportLine<T>> convert,
            Function<T, RegionCode> regionOf, ImportUpload<T> upload, Function<String, WriteContext> context) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Set<RegionCode> regions = new HashSet<>();
        read(body == null ? null : new DigestInputStream(body, sha), reader, convert, line -> {
            regions.add(regionOf.apply(line.value()));
            upload.add(line);
        }, upload::refuse);
        RegionCode region = caller.role() == Role.BUREAU ? RegionCode.of(caller.region())
                : regions.size() == 1 ? regions.iterator().next() : null;
        return jobs.accepted(upload.submit(region, context.apply("sha256:" + HexFormat.of().formatHex(sha.digest()))));
    }

    /**
     * Persons and institutions are written by {@code ADMIN}, or by the {@code BUREAU} of their region
     * (a province's bureau: its cities too); anyone else is refused the whole import (403).
     */
    static Predicate<RegionCode> writableRegions(Caller caller, Access.Operation operation) {
        Access.requireRole(caller, operation);
        return region -> Access.allows(caller, operation, Access.Target.region(region.value()));
    }

    /** A line of a region outside the bureau's is refused on its own with FORBIDDEN. */
    private static <T> ImportLine<T> inScope(ImportLine<T> line, RegionCode region, Predicate<RegionCode> scope) {
        if (!scope.test(region)) {
            throw new GongjiException(ErrorCode.FORBIDDEN, "region " + region + " is outside the caller's region");
        }
        return line;
    }

    private <L, T> ImportResult run(InputStream body, ObjectReader reader, BiFunction<L, Integer, ImportLine<T>> convert,
            Function<List<ImportLine<T>>, ImportResult> write) {
        var written = new Object() {
            ImportResult result = ImportResult.EMPTY;
            List<ImportLine<T>> chunk = new ArrayList<>(CHUNK);
            final List<ImportResult.Refusal> refusedHere = new ArrayList<>();
            int refusedCount;
        };
        read(body, reader, convert, line -> {
            written.chunk.add(line);
            if (written.chunk.size() == CHUNK) {
                written.result = written.result.plus(write.apply(written.chunk), LISTED);
                written.chunk = new ArrayList<>(CHUNK);
            }
        }, refusal -> {
            written.refusedCount++;
            addBounded(written.refusedHere, refusal);
        });
        ImportResult result = written.result;
        if (!written.chunk.isEmpty()) {
            result = result.plus(write.apply(written.chunk), LISTED);
        }
        List<ImportResult.Refusal> all = new ArrayList<>(written.refusedHere);
        all.addAll(result.refusals());
        all.sort(java.util.Comparator.comparingInt(ImportResult.Refusal::line));
        return new ImportResult(result.created(), result.updated(), result.unchanged(), result.refused() + written.refusedCount,
                all.size() > LISTED ? all.subList(0, LISTED) : all);
    }

    /** Reads the body line by line: each line is accepted (converted) or refused as it is read. */
    private static <L, T> void read(InputStream body, ObjectReader reader, BiFunction<L, Integer, ImportLine<T>> convert,
            Consumer<ImportLine<T>> accept, Consumer<ImportResult.Refusal> refuse) {
        if (body == null) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, "the body is one JSON object a line");
        }
        Lines lines = new Lines(new InputStreamReader(body, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        String text;
        while ((text = lines.next()) != null) {
            int n = lines.number();
            if (text.isBlank()) {
                continue;
            }
            ImportLine<T> line;
            try {
                if (text == Lines.TOO_LONG) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "the line is longer than " + MAX_LINE_CHARS
                            + " characters");
                }
                L parsed = reader.readValue(text);
                if (parsed == null) {
                    throw new GongjiException(ErrorCode.INVALID_REQUEST, "a line is one JSON object");
                }
                line = convert.apply(parsed, n);
            } catch (JsonProcessingException e) {
                GongjiException inside = refusalIn(e);
                refuse.accept(inside != null ? new ImportResult.Refusal(n, inside.code(), inside.getMessage())
                        : new ImportResult.Refusal(n, Problems.jsonCode(e), Problems.detail(e)));
                continue;
            } catch (GongjiException e) {
                refuse.accept(new ImportResult.Refusal(n, e.code(), e.getMessage()));
                continue;
            } catch (IllegalArgumentException e) {
                refuse.accept(new ImportResult.Refusal(n, ErrorCode.INVALID_REQUEST, e.getMessage()));
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            accept.accept(line);
        }
    }

    /** A refusal raised while a line was read (a plain-code recognition, an absurd amount), as the PUT answers it. */
    private static GongjiException refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GongjiException g) {
                return g;
            }
        }
        return null;
    }

    private static void addBounded(List<ImportResult.Refusal> list, ImportResult.Refusal r) {
        if (list.size() < LISTED) {
            list.add(r);
        }
    }

    /** Lines of a reader, numbered from 1, none kept longer than the limit. */
    static final class Lines {

        /** Stands for a line longer than the limit (compared by identity). */
        static final String TOO_LONG = new String("too long");

        private final Reader in;
        private final int max;
        private final char[] buffer = new char[16 * 1024];
        private int pos;
        private int end;
        private int number;
        private boolean eof;

        Lines(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        int number() {
            return number;
        }

        /** The next line without its end ({@code \n} or {@code \r\n}), {@link #TOO_LONG}, or null at the end. */
        String next() {
            if (eof && pos >= end) {
                return null;
            }
            StringBuilder line = new StringBuilder(256);
            boolean tooLong = false;
            boolean any = false;
            try {
                while (true) {
                    if (pos >= end) {
                        end = in.read(buffer, 0, buffer.length);
                        pos = 0;
                        if (end <= 0) {
                            eof = true;
                            end = 0;
                            if (!any) {
                                return null;
                            }
                            break;
                        }
                    }
                    any = true;
                    int start = pos;
                    while (pos < end && buffer[pos] != '\n') {
                        pos++;
                    }
                    if (!tooLong) {
                        if (line.length() + (pos - start) > max) {
                            tooLong = true;
                            line.setLength(0);
                        } else {
                            line.append(buffer, start, pos - start);
                        }
                    }
                    if (pos < end) {
                        pos++; // the '\n'
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            number++;
            if (tooLong) {
                return TOO_LONG;
            }
            int len = line.length();
            if (len > 0 && line.charAt(len - 1) == '\r') {
                line.setLength(len - 1);
            }
            return line.toString();
        }
    }
}
