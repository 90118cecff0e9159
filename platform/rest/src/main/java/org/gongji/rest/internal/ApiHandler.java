package org.gongji.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.gongji.api.error.ErrorCode;
import org.gongji.rest.ServerOptions;

/**
 * The API on Jetty: every request gets a request id and the security headers; its body is read
 * without holding a thread (Jetty calls back as bytes arrive), refused with 413 as soon as it is
 * known to pass its limit, with 408 when it does not arrive in time; only a request whose body is
 * whole goes to Jersey, on one of the request threads. Slow or silent clients therefore hold a
 * connection and a buffer, never a request thread. One access-log line per request.
 *
 * <p>The base URI Jersey builds {@code Location} and links from is the configured public address,
 * else the local address the connection reached: never the request's {@code Host} header.
 */
public final class ApiHandler extends Handler.Abstract {

    /** Request property (Jersey): the request id, also returned as {@value #REQUEST_ID_HEADER}. */
    public static final String REQUEST_ID = "org.gongji.rest.requestId";
    /** Request property: the client's address (IP) as the server saw it. */
    public static final String REMOTE_ADDRESS = "org.gongji.rest.remoteAddress";
    /** Request property: the subject (RFC 2253) of the verified client certificate, over mutual TLS only. */
    public static final String PEER_SUBJECT = "org.gongji.rest.peerSubject";
    /** Request property: the verified client certificate chain ({@code X509Certificate[]}), over mutual TLS only. */
    public static final String PEER_CERTIFICATES = "org.gongji.rest.peerCertificates";
    /** Request property: the client id the configured subject map gives the verified certificate's subject. */
    public static final String PEER_CLIENT_ID = "org.gongji.rest.peerClientId";
    /**
     * Request property the authentication filter sets to the authenticated client's id (the access
     * log and the rate limit read it; else the security context's principal name is taken).
     */
    public static final String CLIENT_ID = "org.gongji.rest.clientId";

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** Calls whose body is a file (CSV case lists, NDJSON imports): they take {@link ServerOptions#maxUploadBytes()}. */
    static final Set<String> UPLOAD_PATHS = Set.of("/api/v1/provider-payments", "/api/v1/persons/import",
            "/api/v1/institutions/import", "/api/v1/simulations");

    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
    private static final Logger ACCESS = Logger.getLogger("org.gongji.rest.access");
    /** An incoming request id is kept when it is this sane; else one is made. */
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final byte[] EMPTY = new byte[0];
    private static final Set<String> OWN_HEADERS = Set.of("cache-control", "x-content-type-options", "x-request-id");

    private final ApplicationHandler jersey;
    private final ServerOptions options;
    private final ObjectMapper mapper;
    private final URI publicBase;

    public ApiHandler(ApplicationHandler jersey, ServerOptions options, ObjectMapper mapper) {
        this.jersey = jersey;
        this.options = options;
        this.mapper = mapper;
        this.publicBase = options.publicUrl() == null ? null : withSlash(options.publicUrl());
    }

    private static URI withSlash(URI uri) {
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        new Exchange(request, response, callback).start();
        return true;
    }

    static String requestId(String incoming) {
        return incoming != null && SANE_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    static void securityHeaders(Response response, String requestId) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (requestId != null) {
            response.getHeaders().put(REQUEST_ID_HEADER, requestId);
        }
    }

    /** A problem+json answer written by the transport itself (no Jersey involved). */
    static void writeProblem(ObjectMapper mapper, Response response, Callback callback, int status, String code,
            String detail, boolean close) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(Problems.body(status, code, detail));
        } catch (JsonProcessingException e) {
            json = ("{\"status\":" + status + ",\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.PROBLEM_JSON.toString());
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    /** One request: its body as it arrives, then Jersey, then the access-log line. */
    private final class Exchange implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback done;
        private final String requestId;
        private final long begin = System.nanoTime();
        private final AtomicBoolean bodyOver = new AtomicBoolean();
        private long limit;
        private byte[] body;
        private int size;
        private Scheduler.Task deadline;
        private volatile ContainerRequest jerseyRequest;
        private URI base;

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.requestId = requestId(request.getHeaders().get(REQUEST_ID_HEADER));
            request.setAttribute(REQUEST_ID, requestId);
            this.done = Callback.from(() -> {
                log(null);
                callback.succeeded();
            }, failure -> {
                log(failure);
                callback.failed(failure);
            });
            securityHeaders(response, requestId);
        }

        void start() {
            String path = request.getHttpURI().getPath();
            boolean upload = "POST".equals(request.getMethod()) && path != null && UPLOAD_PATHS.contains(stripSlash(path));
            limit = upload ? options.maxUploadBytes() : options.maxBodyBytes();
            long declared = request.getLength();
            boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
            if (declared > limit) {
                bodyOver.set(true);
                tooLarge(declared);
                return;
            }
            if (declared <= 0 && !chunked) {
                bodyOver.set(true);
                dispatch(EMPTY, 0);
                return;
            }
            // grown as bytes arrive: a declared length alone must not make the server allocate it
            body = new byte[(int) Math.min(declared > 0 ? declared : 16 * 1024, 64 * 1024)];
            deadline = request.getComponents().getScheduler().schedule(this::late, options.bodyTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            run();
        }

        private static String stripSlash(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }

        /** Reads what has arrived of the body; asks Jetty to call again when more arrives (no thread waits). */
        @Override
        public void run() {
            while (!bodyOver.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    if (finishBody()) {
                        if (failure instanceof java.util.concurrent.TimeoutException) {
                            problem(408, ErrorCode.REQUEST_TIMEOUT.name(), "no part of the request body arrived for "
                                    + options.idleTimeout().toSeconds() + " s", true);
                        } else {
                            done.failed(failure);
                        }
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                if ((long) size + n > limit) {
                    chunk.release();
                    if (finishBody()) {
                        tooLarge(-1);
                    }
                    return;
                }
                if (size + n > body.length) {
                    body = java.util.Arrays.copyOf(body, (int) Math.min(limit, Math.max((long) body.length * 2, size + n)));
                }
                bytes.get(body, size, n);
                size += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finishBody()) {
                        dispatch(body, size);
                    }
                    return;
                }
            }
        }

        private boolean finishBody() {
            if (!bodyOver.compareAndSet(false, true)) {
                return false;
            }
            if (deadline != null) {
                deadline.cancel();
            }
            return true;
        }

        private void late() {
            if (finishBody()) {
                problem(408, ErrorCode.REQUEST_TIMEOUT.name(), "the request body did not arrive whole within "
                        + options.bodyTimeout().toSeconds() + " s", true);
            }
        }

        private void tooLarge(long declared) {
            problem(413, ErrorCode.PAYLOAD_TOO_LARGE.name(), (declared > 0 ? "the request body has " + declared + " bytes; "
                    : "the request body is larger than allowed; ") + "this call takes at most " + limit + " bytes", true);
        }

        private void problem(int status, String code, String detail, boolean close) {
            writeProblem(mapper, response, done, status, code, detail, close);
        }

        private void dispatch(byte[] bytes, int length) {
            base = publicBase != null ? publicBase : localBase();
            URI requestUri;
            try {
                String path = request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
                String query = request.getHttpURI().getQuery();
                requestUri = URI.create(base + safe(path.startsWith("/") ? path.substring(1) : path)
                        + (query == null ? "" : "?" + safe(query)));
            } catch (IllegalArgumentException e) {
                problem(400, ErrorCode.INVALID_REQUEST.name(), "the request target is not a valid URI", false);
                return;
            }
            ContainerRequest cr = new ContainerRequest(base, requestUri, request.getMethod(), security(),
                    new MapPropertiesDelegate(), jersey.getConfiguration());
            cr.setEntityStream(new ByteArrayInputStream(bytes, 0, length));
            for (HttpField field : request.getHeaders()) {
                cr.header(field.getName(), field.getValue() == null ? "" : field.getValue());
            }
            cr.setProperty(REQUEST_ID, requestId);
            cr.setProperty(REMOTE_ADDRESS, Request.getRemoteAddr(request));
            peer(cr);
            cr.setWriter(new Writer());
            jerseyRequest = cr;
            try {
                jersey.handle(cr);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
                if (!response.isCommitted()) {
                    problem(500, "INTERNAL_ERROR", "the platform failed to answer; nothing was booked", true);
                } else {
                    done.failed(e);
                }
            }
        }

        private URI localBase() {
            String host = Request.getLocalAddr(request);
            if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            return URI.create(options.scheme() + "://" + host + ":" + Request.getLocalPort(request) + "/");
        }

        private void peer(ContainerRequest cr) {
            if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl
                    && ssl.peerCertificates() != null && ssl.peerCertificates().length > 0) {
                X509Certificate[] chain = ssl.peerCertificates();
                String subject = chain[0].getSubjectX500Principal().getName();
                cr.setProperty(PEER_SUBJECT, subject);
                cr.setProperty(PEER_CERTIFICATES, chain);
                Map<String, String> clients = options.tls() == null ? Map.of() : options.tls().subjectClients();
                String clientId = clients.get(subject);
                if (clientId != null) {
                    cr.setProperty(PEER_CLIENT_ID, clientId);
                }
            }
        }

        private SecurityContext security() {
            boolean secure = request.isSecure();
            return new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return null;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return false;
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return null;
                }
            };
        }

        private void log(Throwable failure) {
            if (!options.accessLog() || !ACCESS.isLoggable(Level.INFO)) {
                return;
            }
            long micros = (System.nanoTime() - begin) / 1000;
            String clientId = clientId();
            ACCESS.info(request.getMethod() + " " + request.getHttpURI().getPath() + " " + response.getStatus() + " "
                    + (micros / 1000) + "." + (micros % 1000 / 100) + " ms" + (clientId == null ? "" : " client=" + clientId)
                    + " id=" + requestId + (failure == null ? "" : " failed"));
        }

        private String clientId() {
            ContainerRequest cr = jerseyRequest;
            if (cr == null) {
                return null;
            }
            Object id = cr.getProperty(CLIENT_ID);
            if (id != null) {
                return id.toString();
            }
            Principal principal = cr.getSecurityContext() == null ? null : cr.getSecurityContext().getUserPrincipal();
            if (principal != null) {
                return principal.getName();
            }
            Object peer = cr.getProperty(PEER_CLIENT_ID);
            return peer == null ? null : peer.toString();
        }

        /** Jersey's answer onto Jetty's response. */
        private final class Writer implements ContainerResponseWriter {

            @Override
            public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse context)
                    throws ContainerException {
                response.setStatus(context.getStatus());
                for (Map.Entry<String, List<String>> header : context.getStringHeaders().entrySet()) {
                    String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
                    boolean own = OWN_HEADERS.contains(name);
                    for (String value : header.getValue()) {
                        if (name.equals("location") && value.startsWith("/")) {
                            // a path of the API: under the public address (which may carry a path of its own)
                            response.getHeaders().put(HttpHeader.LOCATION, base + value.substring(1));
                        } else if (own) {
                            response.getHeaders().put(header.getKey(), value);
                        } else {
                            response.getHeaders().add(header.getKey(), value);
                        }
                    }
                }
                if (contentLength >= 0 && !"HEAD".equals(request.getMethod())) {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, contentLength);
                }
                return Content.Sink.asOutputStream(response);
            }

            @Override
            public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
                return false;
            }

            @Override
            public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
                throw new IllegalStateException("the API does not suspend requests");
            }

            @Override
            public void commit() {
                done.succeeded();
            }

            @Override
            public void failure(Throwable error) {
                LOG.log(Level.SEVERE, "request " + requestId + " failed", error);
                if (!response.isCommitted()) {
                    response.reset();
                    securityHeaders(response, requestId);
                    problem(500, "INTERNAL_ERROR", "the platform failed to answer; nothing was booked", true);
                } else {
                    done.failed(error);
                }
            }

            @Override
            public boolean enableResponseBuffering() {
                return true;
            }
        }
    }

    /** Percent-encodes what {@link URI} refuses but an HTTP request target may carry. */
    static String safe(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean unsafe = c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0;
            if (unsafe && out == null) {
                out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                    }
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? raw : out.toString();
    }
}
