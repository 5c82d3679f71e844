package dev.winback.adapters.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A java.util.logging record as one JSON line with the fields Powertools for AWS Lambda writes
 * (timestamp, level, message, service, cold_start, function_name, function_request_id,
 * correlation_id, xray_trace_id, error), so CloudWatch Logs Insights can filter on them and a stack
 * trace stays in its line instead of splitting into one log event per frame.
 */
public final class JsonLogFormatter extends Formatter {

    private static final JsonFactory JSON = new JsonFactory();

    private final String service;

    public JsonLogFormatter(String service) {
        this.service = service;
    }

    @Override
    public String format(LogRecord record) {
        InvocationFields invocation = InvocationFields.current();
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            json.writeStringField("level", level(record.getLevel()));
            json.writeStringField("message", formatMessage(record));
            json.writeStringField("logger", record.getLoggerName());
            json.writeStringField("service", service);
            json.writeBooleanField("cold_start", invocation.coldStart());
            writeIfPresent(json, "function_name", invocation.functionName());
            writeIfPresent(json, "function_request_id", invocation.requestId());
            writeIfPresent(json, "correlation_id", invocation.correlationId());
            writeIfPresent(json, "xray_trace_id", invocation.xrayTraceId());
            if (record.getThrown() != null) writeError(json, record.getThrown());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }

    private static void writeError(JsonGenerator json, Throwable thrown) throws IOException {
        StringWriter stack = new StringWriter();
        thrown.printStackTrace(new PrintWriter(stack));
        json.writeObjectFieldStart("error");
        json.writeStringField("name", thrown.getClass().getName());
        json.writeStringField("message", thrown.getMessage());
        json.writeStringField("stack", stack.toString());
        json.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) json.writeStringField(field, value);
    }

    /** Powertools' level names: SLF4J's, not java.util.logging's. */
    static String level(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) return "ERROR";
        if (value >= Level.WARNING.intValue()) return "WARN";
        if (value >= Level.INFO.intValue()) return "INFO";
        if (value >= Level.FINE.intValue()) return "DEBUG";
        return "TRACE";
    }
}
