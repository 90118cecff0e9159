package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.gongji.api.error.ErrorCode;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.store.Backups;
import org.gongji.store.Store;

/** Online backup of the embedded database (ADMIN); {@code bin/gongji backup [folder]} calls it. */
@Path("/api/v1/backups")
@Tag(name = "operations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BackupResource {

    private final Store store;

    BackupResource(Store store) {
        this.store = store;
    }

    @Schema(name = "BackupBody", description = "optional: without a body the folder is named by the date and time now")
    record BackupBody(@Schema(description = "a folder name under <data>/backups/", minLength = 1, maxLength = 64,
            pattern = "^[A-Za-z0-9._-]+$") String folder) {
    }

    @Schema(name = "Backup")
    record BackupView(String name, @Schema(description = "the backup's folder on the node; its db folder is the database")
            String folder, Instant startedAt, Instant finishedAt, long bytes) {
        static BackupView of(Backups.Backup b) {
            return new BackupView(b.name(), b.folder().toString(), b.startedAt(), b.finishedAt(), b.bytes());
        }
    }

    @POST
    @io.swagger.v3.oas.annotations.Operation(operationId = "backUp",
            summary = "Backs the embedded Derby database up while the node books, into <data>/backups/<folder>")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = BackupBody.class)))
    @ApiResponse(responseCode = "200", description = "the backup, complete",
            content = @Content(schema = @Schema(implementation = BackupView.class)))
    @Refusals({ErrorCode.BACKUP_EXISTS, ErrorCode.BACKUP_USE_PG_DUMP})
    public BackupView backUp(BackupBody body, @Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.BACK_UP);
        return BackupView.of(store.backups().backUp(body == null ? null : body.folder()));
    }
}
