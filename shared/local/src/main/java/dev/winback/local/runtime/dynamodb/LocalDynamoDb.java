package dev.winback.local.runtime.dynamodb;

import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;

/**
 * DynamoDB Local as an in-process HTTP server on a free port, in memory, telemetry off, so every
 * client in this JVM talks to it through the real SDK over HTTP exactly as in AWS. Starting it also
 * sets the SDK system properties ({@link SdkSystemProperties}); create {@code AwsClients} after.
 * Its server threads keep the JVM alive: always close it.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private static final int START_ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final int port;
    private final SdkSystemProperties properties;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
        this.properties = SdkSystemProperties.pointDynamoDbAt(endpoint().toString());
    }

    public static LocalDynamoDb start() {
        Exception last = null;
        // A free port can be taken between probing and binding; try again on another one.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                return new LocalDynamoDb(startOn(port), port);
            } catch (Exception e) {
                last = e;
                if (!(rootCause(e) instanceof BindException)) {
                    break;
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        } finally {
            properties.close();
        }
    }

    private static DynamoDBProxyServer startOn(int port) throws Exception {
        // -inMemory: no database file; -disableTelemetry: no network calls and no metadata file in the
        // working directory; -sharedDb: one database whatever credentials a caller (say, the AWS CLI) uses.
        String[] args = {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)};
        DynamoDBProxyServer server = withStdoutSwallowed(() -> ServerRunner.createServerFromCommandLineArgs(args));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** DynamoDB Local prints a configuration banner on stdout, which belongs to the runtime's own output. */
    private static <T> T withStdoutSwallowed(ThrowingSupplier<T> action) throws Exception {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            return action.get();
        } finally {
            System.setOut(original);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
