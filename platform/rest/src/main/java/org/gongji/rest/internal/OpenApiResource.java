package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI description, generated in the build from the resources' annotations (OpenApiGenerator
 * in the tests) into the bundle; every answer of the API tests is validated against it.
 */
@Path("/api/v1/openapi.json")
@Tag(name = "meta")
public final class OpenApiResource {

    static final String RESOURCE = "openapi.json";

    private final byte[] document;

    OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "openApi", summary = "This description (OpenAPI 3.0)")
    @ApiResponse(responseCode = "200", description = "the OpenAPI document",
            content = @Content(schema = @Schema(type = "object", description = "an OpenAPI 3.0 document")))
    public byte[] openApi() {
        return document.clone();
    }
}
