package dev.winback.adapters.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonLogFormatter formatter = new JsonLogFormatter("winback");

    @AfterEach
    void leave() {
        InvocationFields.leave();
    }

    @Test
    void format_writesOneJsonLine_withPowertoolsFields_andTheInvocationsIds() throws Exception {
        InvocationFields.enter(new InvocationFields("winback-ingest", "req-1", "msg-1", true, "1-abc-def"));
        LogRecord record = new LogRecord(Level.WARNING, "batch of {0} failed");
        record.setParameters(new Object[] {3});
        record.setLoggerName("dev.winback.core.ingest.EventIntake");
        record.setInstant(Instant.parse("2026-11-20T10:00:00Z"));

        String line = formatter.format(record);

        assertThat(line).endsWith(System.lineSeparator());
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("message").asText()).isEqualTo("batch of 3 failed");
        assertThat(json.get("service").asText()).isEqualTo("winback");
        assertThat(json.get("function_name").asText()).isEqualTo("winback-ingest");
        assertThat(json.get("function_request_id").asText()).isEqualTo("req-1");
        assertThat(json.get("correlation_id").asText()).isEqualTo("msg-1");
        assertThat(json.get("cold_start").asBoolean()).isTrue();
        assertThat(json.get("xray_trace_id").asText()).isEqualTo("1-abc-def");
    }

    @Test
    void format_keepsAStackTraceInItsLine() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "writing failed");
        record.setThrown(new IllegalStateException("throttled"));

        String line = formatter.format(record);

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("ERROR");
        assertThat(json.get("error").get("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error").get("message").asText()).isEqualTo("throttled");
        assertThat(json.get("error").get("stack").asText()).contains("JsonLogFormatterTest");
        assertThat(json.has("correlation_id")).as("outside an invocation").isFalse();
    }

    @Test
    void level_usesPowertoolsNames() {
        assertThat(JsonLogFormatter.level(Level.INFO)).isEqualTo("INFO");
        assertThat(JsonLogFormatter.level(Level.FINE)).isEqualTo("DEBUG");
        assertThat(JsonLogFormatter.level(Level.FINEST)).isEqualTo("TRACE");
    }
}
