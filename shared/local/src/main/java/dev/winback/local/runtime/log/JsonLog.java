package dev.winback.local.runtime.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Instant;

/**
 * One JSON object per line on stderr, so stdout stays for the runtime's own output. Callers pass
 * ids and counts only: never emails, phone numbers or message bodies.
 */
public final class JsonLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile PrintStream out = System.err;

    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    public static JsonLog of(Class<?> type) {
        return new JsonLog(type.getSimpleName());
    }

    public void info(String event, Object... keysAndValues) {
        write("INFO", event, null, keysAndValues);
    }

    public void warn(String event, Object... keysAndValues) {
        write("WARN", event, null, keysAndValues);
    }

    /** Logs the exception's class and stack, not its message, which may carry request data. */
    public void error(String event, Throwable error, Object... keysAndValues) {
        write("ERROR", event, error, keysAndValues);
    }

    private void write(String level, String event, Throwable error, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        ObjectNode line = JSON.createObjectNode()
                .put("time", Instant.now().toString())
                .put("level", level)
                .put("logger", logger)
                .put("event", event);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            line.putPOJO(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        if (error != null) {
            line.put("errorType", error.getClass().getName());
            StringBuilder stack = new StringBuilder();
            for (StackTraceElement frame : error.getStackTrace()) {
                stack.append(frame).append('\n');
                if (stack.length() > 4000) {
                    break;
                }
            }
            line.put("stack", stack.toString());
        }
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"ERROR\",\"event\":\"log.unwritable\",\"logger\":\"" + logger + "\"}");
        }
    }
}
