package vn.partycell.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP server standing in for one backend service: it answers every request with a JSON
 * echo of what it received (service name, method, path, raw query, Authorization, X-Request-Id,
 * body, Cookie, Accept-Encoding), optionally after a delay. Paths ending in {@code /redirect},
 * {@code /cookie} and {@code /gzip} answer with a 302, a Set-Cookie or a gzip-encoded body, to show
 * that the proxy passes such answers through instead of acting on them.
 */
final class StubBackend implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private volatile Duration delay = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicLong bodyBytesReceived =
            new java.util.concurrent.atomic.AtomicLong();

    private StubBackend(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static StubBackend start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubBackend backend = new StubBackend(name, server);
            server.createContext("/", backend::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return backend;
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Request body bytes received so far, over all requests, counted as they arrive. */
    long bodyBytesReceived() {
        return bodyBytesReceived.get();
    }

    StubBackend delayedBy(Duration delay) {
        this.delay = delay;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().getRawPath());
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            echo.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
            echo.put(
                    "requestIdCount",
                    exchange.getRequestHeaders()
                            .getOrDefault("X-Request-Id", java.util.List.of())
                            .size());
            echo.put("upgrade", exchange.getRequestHeaders().getFirst("Upgrade"));
            echo.put("connection", exchange.getRequestHeaders().getFirst("Connection"));
            echo.put("protocol", exchange.getProtocol());
            echo.put("cookie", exchange.getRequestHeaders().getFirst("Cookie"));
            echo.put("acceptEncoding", exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            echo.put("forwardedFor", exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
            echo.put("forwardedProto", exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"));
            echo.put("forwardedHost", exchange.getRequestHeaders().getFirst("X-Forwarded-Host"));
            echo.put("forwarded", exchange.getRequestHeaders().getFirst("Forwarded"));
            echo.put("hopOnly", exchange.getRequestHeaders().getFirst("X-Hop-Only"));
            echo.put("endToEnd", exchange.getRequestHeaders().getFirst("X-End-To-End"));
            // Read as it arrives and counted, so that a test sees whether a body is streamed through.
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long bodyBytes = 0;
            try (var in = exchange.getRequestBody()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    bodyBytesReceived.addAndGet(n);
                    bodyBytes += n;
                    if (received.size() < 64 * 1024) {
                        received.write(buffer, 0, n);
                    }
                }
            }
            echo.put("bodyBytes", bodyBytes);
            // Large bodies (uploads) are only counted, not echoed.
            echo.put("body", bodyBytes <= 64 * 1024 ? received.toString(StandardCharsets.UTF_8) : null);
            byte[] body = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Backend", name);
            // A backend that echoes the request id must not give the client two of them.
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                exchange.getResponseHeaders().set("X-Request-Id", requestId);
            }
            int status = "POST".equals(exchange.getRequestMethod()) ? 201 : 200;
            String path = exchange.getRequestURI().getRawPath();
            if (path.endsWith("/redirect")) {
                exchange.getResponseHeaders().set("Location", "/api/v1/members/elsewhere");
                status = 302;
            } else if (path.endsWith("/cookie")) {
                exchange.getResponseHeaders().add("Set-Cookie", "backend-session=s3cr3t; Path=/");
            } else if (path.endsWith("/gzip")) {
                java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
                try (var gzip = new java.util.zip.GZIPOutputStream(zipped)) {
                    gzip.write(body);
                }
                body = zipped.toByteArray();
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
