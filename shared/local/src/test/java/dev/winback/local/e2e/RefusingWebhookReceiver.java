package dev.winback.local.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.winback.adapters.http.WebhookSender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A messenger provider on the loopback interface that takes every message (noting its
 * Idempotency-Key), or, once told to, refuses every one for good (403: this recipient cannot be
 * reached on the messenger).
 */
final class RefusingWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> taken = new ArrayList<>();
    private volatile boolean refusing;

    RefusingWebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    synchronized List<String> taken() {
        return List.copyOf(taken);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (refusing) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            synchronized (this) {
                taken.add(exchange.getRequestHeaders().getFirst(WebhookSender.IDEMPOTENCY_HEADER));
            }
            byte[] body = ("{\"id\":\"msg-" + taken().size() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
