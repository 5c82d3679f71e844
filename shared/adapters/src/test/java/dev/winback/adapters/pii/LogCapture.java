package dev.winback.adapters.pii;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records everything the test JVM logs from the first test class on: System.out and System.err
 * (teed, so the console still shows them) and every java.util.logging record — at every level for
 * Winback's own loggers ({@code dev.winback.*}), INFO and above for libraries — formatted with its
 * parameters and stack trace. Registered for every test class of the adapters
 * and the local runtime through JUnit's extension auto-detection (junit-platform.properties and
 * META-INF/services in the adapters' test jar, which the local runtime's tests use too).
 */
public final class LogCapture implements BeforeAllCallback {

    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static volatile boolean installed;
    /** Held, so the level set on it is not lost when the logger would otherwise be collected. */
    private static final Logger WINBACK = Logger.getLogger("dev.winback");

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    static synchronized void install() {
        if (installed) return;
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
        Logger root = LogManager.getLogManager().getLogger("");
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String line = formatter.format(record);
                synchronized (CAPTURED) {
                    CAPTURED.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(java.util.logging.Level.ALL);
        // Records below a logger's level are dropped before any handler sees them: Winback's own
        // loggers pass every level (the console handler keeps its INFO threshold, so only the
        // capture sees more); libraries' loggers stay at INFO (the JDK's HTTP client would log
        // every request's headers at FINE).
        WINBACK.setLevel(java.util.logging.Level.ALL);
        for (Handler existing : root.getHandlers()) {
            if (existing.getLevel().intValue() < java.util.logging.Level.INFO.intValue()) {
                existing.setLevel(java.util.logging.Level.INFO);
            }
        }
        root.addHandler(handler);
        installed = true;
    }

    /** Everything captured so far. */
    public static String captured() {
        synchronized (CAPTURED) {
            return CAPTURED.toString(StandardCharsets.UTF_8);
        }
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (CAPTURED) {
                    CAPTURED.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (CAPTURED) {
                    CAPTURED.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
