package dev.winback.local.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An S3 endpoint for the probe JVMs that accepts every write and keeps nothing, and answers every
 * read with a sample object: the audience export puts its files, the Pinpoint import reads the
 * sample export (gzip-compressed, as Pinpoint writes it; a variant of its own on each read, so that
 * no import repeats an earlier one). Their S3 clients are built, signed and sent
 * real requests, so the first call pays what it would in Lambda (short of the network).
 */
final class DiscardingObjectStore implements AutoCloseable {

    private final HttpServer server;

    private DiscardingObjectStore(HttpServer server) {
        this.server = server;
    }

    /** @param read what every GET answers, whatever the key */
    static DiscardingObjectStore start(byte[] read) throws IOException {
        return start(n -> read);
    }

    /** @param reads what the n-th GET or HEAD (from 0) answers, whatever the key */
    static DiscardingObjectStore start(IntFunction<byte[]> reads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger served = new AtomicInteger();
        server.createContext("/", exchange -> answer(exchange, reads, served));
        server.start();
        return new DiscardingObjectStore(server);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            // The SDK checks a plain object's ETag against the MD5 of what it read.
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, IntFunction<byte[]> reads, AtomicInteger served)
            throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD")) {
            byte[] read = reads.apply(served.getAndIncrement());
            String etag = "\"" + HexFormat.of().formatHex(md5(read)) + "\"";
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().set("ETag", etag);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : read.length);
            if (!head) exchange.getResponseBody().write(read);
        } else {
            exchange.getResponseHeaders().set("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
