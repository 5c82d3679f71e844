package dev.winback.local.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An S3 endpoint for the probe JVMs that accepts every write and holds nothing: the audience export
 * puts its files, the Pinpoint import finds its sample object gone. Their S3 clients are built,
 * signed and sent a real request, so the first call pays what it would in Lambda (short of the network).
 */
final class DiscardingObjectStore implements AutoCloseable {

    private static final byte[] NO_SUCH_KEY = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private DiscardingObjectStore(HttpServer server) {
        this.server = server;
    }

    static DiscardingObjectStore start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", DiscardingObjectStore::answer);
        server.start();
        return new DiscardingObjectStore(server);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(404, NO_SUCH_KEY.length);
            exchange.getResponseBody().write(NO_SUCH_KEY);
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
