package dev.winback.local.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.winback.adapters.http.WebhookSender;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A messenger provider on the loopback interface that fails as real ones do, decided by a seeded
 * generator: it refuses for now (429, 503) without taking the message, or takes it and then answers
 * 500 or too late for the sender's read timeout. Every message it takes goes into the provider log
 * under its Idempotency-Key (Winback's message id). It does not drop repeats, so a resend would show
 * as a duplicate.
 */
final class FaultyWebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Random random;
    private final ProviderLog provider;
    private final long slowMillis;
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger failedAfterTaking = new AtomicInteger();
    final AtomicInteger slow = new AtomicInteger();

    /** @param slowMillis how long a slow answer takes (beyond the sender's read timeout) */
    FaultyWebhookReceiver(long seed, ProviderLog provider, long slowMillis) {
        this.random = new Random(seed);
        this.provider = provider;
        this.slowMillis = slowMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String messageId = exchange.getRequestHeaders().getFirst(WebhookSender.IDEMPOTENCY_HEADER);
            double roll = roll();
            if (roll < 0.08) {
                refused.incrementAndGet();
                answer(exchange, 429, "{}");
            } else if (roll < 0.10) {
                refused.incrementAndGet();
                answer(exchange, 503, "{}");
            } else if (roll < 0.13) {
                provider.took(messageId);
                failedAfterTaking.incrementAndGet();
                answer(exchange, roll < 0.115 ? 500 : 502, "{}");
            } else if (roll < 0.15) {
                provider.took(messageId);
                slow.incrementAndGet();
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200, "{\"id\":\"late\"}");
            } else {
                provider.took(messageId);
                answer(exchange, 200, "{\"id\":\"wh-" + messageId + "\"}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the sender gave up waiting (a slow answer): nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
