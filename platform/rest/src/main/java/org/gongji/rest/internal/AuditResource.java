package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongji.api.error.ErrorCode;
import org.gongji.api.error.GongjiException;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.store.AuditEntry;
import org.gongji.store.AuditPage;
import org.gongji.store.AuditQuery;
import org.gongji.store.Role;
import org.gongji.store.Store;

/**
 * Who wrote what: {@code GET /api/v1/audit?from=&to=&clientId=&offset=&limit=}, oldest first. An
 * ADMIN sees every write; an AUDITOR the writes of its region and the cities under it.
 */
@Path("/api/v1/audit")
@Tag(name = "clients")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Store store;

    AuditResource(Store store) {
        this.store = store;
    }

    @Schema(name = "AuditEntry")
    record EntryView(String id, Instant at, @Schema(nullable = true) String clientId, String actor, String action,
            String target, @Schema(nullable = true) String region, @Schema(nullable = true) String detail,
            @Schema(nullable = true) String idempotencyKey) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.id(), e.at(), e.clientId(), e.actor(), e.action(), e.target(), e.region(), e.detail(),
                    e.idempotencyKey());
        }
    }

    @Schema(name = "AuditPage")
    record PageView(List<EntryView> entries, int offset, int limit, long total) {
    }

    /**
     * @param from inclusive: a day ({@code YYYY-MM-DD}, from its start in the deployment's zone) or an instant
     * @param to a day (inclusive: up to its end) or an instant (exclusive)
     */
    @GET
    @io.swagger.v3.oas.annotations.Operation(operationId = "audit", summary = "Who wrote what, oldest first, paged (an AUDITOR: its region's writes)")
    @ApiResponse(responseCode = "200", description = "a page of the audit log",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    public PageView entries(
            @Parameter(description = "inclusive: a day YYYY-MM-DD (from its start) or an instant") @QueryParam("from") String from,
            @Parameter(description = "a day YYYY-MM-DD (inclusive) or an instant (exclusive)") @QueryParam("to") String to,
            @QueryParam("clientId") String clientId,
            @Parameter(schema = @Schema(type = "integer", minimum = "0")) @QueryParam("offset") String offset,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "1000")) @QueryParam("limit") String limit, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Access.requireRole(caller, Operation.READ_AUDIT);
        // an auditor reads its region's writes: the query is narrowed to it, not refused
        String region = caller.role() == Role.ADMIN ? null : caller.region();
        int o = number(offset, "offset", 0, Integer.MAX_VALUE, 0);
        int l = number(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        AuditPage page = store.audit().entries(new AuditQuery(instant(from, "from", false), instant(to, "to", true),
                clientId == null || clientId.isBlank() ? null : clientId, region, o, l));
        return new PageView(page.entries().stream().map(EntryView::of).toList(), page.offset(), page.limit(), page.total());
    }

    private Instant instant(String text, String field, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(store.clock().getZone()).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " is YYYY-MM-DD or an instant"
                    + " (2024-03-05T08:00:00Z), not " + text);
        }
    }

    private static int number(String text, String field, int min, int max, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new GongjiException(ErrorCode.INVALID_REQUEST, field + " is a whole number from " + min + " to " + max
                    + ", not " + text);
        }
    }
}
