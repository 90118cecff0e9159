package org.gongji.rest.internal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import org.gongji.console.ConsoleAssets;

/**
 * The bureau's web console at {@code /console/}: static files from the console bundle, served
 * without a token (the page signs in and sends its token with every API call).
 */
@Hidden // static files, not the API
@Path("/console")
public final class ConsoleResource {

    /** Only this origin's own files and API: the page loads nothing from elsewhere. */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'";

    /** {@code /console/} is the page; {@code /console} (which Jersey matches here too) leads to it. */
    @GET
    public Response index(@Context UriInfo uri) {
        return uri.getPath().endsWith("/") ? file("index.html") : Response.seeOther(URI.create("/console/")).build();
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        URL url = ConsoleAssets.find(name).orElseThrow(NotFoundException::new);
        try (InputStream in = url.openStream()) {
            return Response.ok(in.readAllBytes(), ConsoleAssets.mediaType(name))
                    .header("Content-Security-Policy", POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-cache")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
