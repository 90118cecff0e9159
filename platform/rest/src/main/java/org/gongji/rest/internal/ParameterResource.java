package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.rest.internal.Views.VocabularyView;
import org.gongji.rules.vocabulary.Vocabulary;

/** The key vocabulary: every key a region table may hold, what it is, and whether it is required or its default. */
@Path("/api/v1/parameters")
@Tag(name = "regions")
@Produces(MediaType.APPLICATION_JSON)
public final class ParameterResource {

    private final VocabularyView vocabulary = VocabularyView.of(Vocabulary.standard());

    @GET
    @io.swagger.v3.oas.annotations.Operation(operationId = "parameters", summary = "The key vocabulary: every key a region table may hold")
    @ApiResponse(responseCode = "200", description = "the sections and keys, with kind, unit, description and default",
            content = @Content(schema = @Schema(implementation = VocabularyView.class)))
    public VocabularyView vocabulary(@Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.READ_PARAMETERS);
        return vocabulary;
    }
}
