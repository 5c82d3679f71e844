package dev.winback.local.runtime.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.winback.local.runtime.lambda.LocalLambdaContext;
import dev.winback.local.runtime.log.JsonLog;
import dev.winback.local.runtime.template.HttpRoute;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API on localhost: each request is matched against the template's routes, shaped into the
 * payload 2.0 event API Gateway would send ({@link HttpApiEvents}) and handed to that route's function
 * handler; the handler's response is written back as API Gateway would. Requests under /local go to
 * {@link LocalControlRoutes}. Answers the server gives itself (no route, body too large, handler
 * failure) are problem+json.
 */
public final class LocalHttpServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 8080;
    /** API Gateway's payload limit for HTTP APIs. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** How much of an oversized body is read and dropped before answering 413. */
    private static final long MAX_DISCARD_BYTES = 8L * MAX_BODY_BYTES;

    private static final JsonLog LOG = JsonLog.of(LocalHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<HttpRoute> routes;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions;
    private final LocalControlRoutes control;
    private final Clock clock;
    private volatile boolean accessLog = true;

    private LocalHttpServer(HttpServer server, ExecutorService executor, List<HttpRoute> routes,
                            Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions,
                            LocalControlRoutes control, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.routes = routes.stream().sorted(HttpRoute::mostSpecificFirst).toList();
        this.functions = Map.copyOf(functions);
        this.control = control;
        this.clock = clock;
    }

    /**
     * Starts listening on the loopback interface.
     *
     * @param port      0 for any free port
     * @param functions logical function id to the handler invoked for that function's routes
     * @param clock     stamps requestContext.time, so handlers see the virtual time
     */
    public static LocalHttpServer start(int port, List<HttpRoute> routes,
                                        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions,
                                        LocalControlRoutes control, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            LocalHttpServer local = new LocalHttpServer(server, executor, routes, functions, control, clock);
            server.createContext("/", local::exchange);
            server.setExecutor(executor);
            server.start();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on localhost:" + port
                    + (port == 0 ? "" : " (is another server using it? choose another with --port)"), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    public List<HttpRoute> routes() {
        return routes;
    }

    /** Turns the one-line-per-request log on or off (the demo keeps its output quiet). */
    public void accessLog(boolean enabled) {
        this.accessLog = enabled;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void exchange(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Dispatched dispatched = new Dispatched("-", HttpResponseData.problem(
                ProblemJson.of(500, "Internal Server Error", "the local server failed; see its log")));
        try (exchange) {
            Optional<byte[]> body = readBody(exchange);
            dispatched = body.isEmpty()
                    ? new Dispatched("-", HttpResponseData.problem(ProblemJson.of(413, "Content Too Large",
                            "request bodies are limited to " + MAX_BODY_BYTES + " bytes, as in API Gateway")))
                    : route(new HttpRequestData(method, exchange.getRequestURI(), exchange.getRequestHeaders(),
                            body.get(), exchange.getRemoteAddress().getAddress().getHostAddress(),
                            exchange.getProtocol()));
            write(exchange, method, dispatched.response());
        } catch (IOException | RuntimeException e) {
            LOG.error("http.exchange.failed", e, "routeKey", dispatched.routeKey());
        } finally {
            if (accessLog) {
                LOG.info("http.request", "routeKey", dispatched.routeKey(), "status", dispatched.response().status(),
                        "millis", (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /**
     * Handles a request in-process exactly as one arriving over the socket (routing, event shaping,
     * handler, response mapping), for callers in this JVM such as the demo's read-back.
     */
    public HttpResponseData dispatch(HttpRequestData request) {
        return route(request).response();
    }

    private record Dispatched(String routeKey, HttpResponseData response) {
    }

    private Dispatched route(HttpRequestData request) {
        String path = request.uri().getPath() == null || request.uri().getPath().isEmpty() ? "/" : request.uri().getPath();
        if (LocalControlRoutes.owns(path)) {
            return new Dispatched(request.method() + " " + path, control.handle(request.method(), path, request.body()));
        }
        for (HttpRoute route : routes) {
            Optional<Map<String, String>> parameters = route.match(request.method(), path);
            if (parameters.isPresent()) {
                return new Dispatched(route.routeKey(), invoke(request, route, parameters.get()));
            }
        }
        return new Dispatched("-", HttpResponseData.problem(ProblemJson.of(404, "Not Found",
                "no route matches " + request.method() + " " + path)));
    }

    private HttpResponseData invoke(HttpRequestData request, HttpRoute route, Map<String, String> pathParameters) {
        String functionId = route.functionId();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = functions.get(functionId);
        if (handler == null) {
            return HttpResponseData.problem(ProblemJson.of(502, "Bad Gateway",
                    "route " + route.routeKey() + " targets function " + functionId
                            + ", which the local runtime does not run"));
        }
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, route, pathParameters,
                clock.instant());
        try {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, LocalLambdaContext.invoking(functionId));
            return fromLambda(response, functionId);
        } catch (RuntimeException e) {
            // As API Gateway does, the caller learns nothing of the failure; the log has it.
            LOG.error("function.failed", e, "function", functionId, "routeKey", route.routeKey());
            return HttpResponseData.problem(ProblemJson.of(500, "Internal Server Error",
                    "the function failed; see the local runtime's log"));
        }
    }

    /** Headers as given, each cookie as its own Set-Cookie, the body base64-decoded when flagged. */
    static HttpResponseData fromLambda(APIGatewayV2HTTPResponse response, String functionId) {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            LOG.warn("function.invalid.response", "function", functionId,
                    "statusCode", response == null ? null : response.getStatusCode());
            return HttpResponseData.problem(ProblemJson.of(502, "Bad Gateway",
                    "the function returned no valid statusCode"));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.put("set-cookie", new ArrayList<>(response.getCookies()));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new HttpResponseData(response.getStatusCode(), headers, bytes);
    }

    /** The body, or empty when it is larger than API Gateway accepts. */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("content-length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    discard(exchange);
                    return Optional.empty();
                }
            } catch (NumberFormatException ignored) {
                // A malformed length is the server's problem to reject; read and see.
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                discard(exchange);
                return Optional.empty();
            }
            return Optional.of(bytes);
        }
    }

    /**
     * Reads and drops what is left of an oversized body (up to a bound), so that a client still
     * sending gets its 413 rather than a reset connection.
     */
    private static void discard(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int read; skipped < MAX_DISCARD_BYTES && (read = in.read(buffer)) >= 0; ) {
                skipped += read;
            }
        }
    }

    private static void write(HttpExchange exchange, String method, HttpResponseData response) throws IOException {
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        boolean noBody = response.body().length == 0 || method.equals("HEAD")
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
