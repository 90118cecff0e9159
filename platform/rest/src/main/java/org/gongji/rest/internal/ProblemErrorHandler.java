package org.gongji.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself (a malformed request line, headers too large, a failure before the
 * API saw the request) as problem+json: the status and its reason, never an exception's text, a
 * Java class or a stack (Jetty's own error page would print {@code cause.toString()}).
 */
final class ProblemErrorHandler implements Request.Handler {

    private final ObjectMapper mapper;

    ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        Object id = request.getAttribute(ApiHandler.REQUEST_ID);
        ApiHandler.securityHeaders(response, id == null ? null : id.toString());
        if ("HEAD".equals(request.getMethod())) {
            response.setStatus(status);
            callback.succeeded();
            return true;
        }
        ApiHandler.writeProblem(mapper, response, callback, status, code(status), HttpStatus.getMessage(status), true);
        return true;
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            default -> HttpStatus.getMessage(status).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        };
    }
}
