package dev.winback.local.runtime;

import dev.winback.local.runtime.dynamodb.SdkSystemProperties;
import dev.winback.local.runtime.schedule.TickReport;
import dev.winback.local.runtime.template.TemplateException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRuntimeTest {

    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void start_composesEverythingFromTheTemplate_andCloseStopsIt() throws Exception {
        int dynamoDbPort;
        try (LocalRuntime runtime = LocalRuntime.start(Fixtures.template("local-fixture.yaml"), 0, START);
             HttpClient http = HttpClient.newHttpClient()) {
            assertThat(runtime.tables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "EngagementTable", "engagement-table", "AuditTable", "audit-table"));
            assertThat(runtime.config().tableName()).isEqualTo("engagement-table");
            assertThat(runtime.config().eventBusName()).isEqualTo(LocalRuntime.LOCAL_EVENT_BUS);
            assertThat(runtime.clients().dynamoDb().listTables().tableNames())
                    .containsExactlyInAnyOrder("engagement-table", "audit-table");
            assertThat(runtime.clock().instant()).isEqualTo(START);
            assertThat(runtime.ingestFunctionId()).isEqualTo("IngestEventsFunction");
            assertThat(runtime.schedules().schedules()).hasSize(3);
            assertThat(runtime.server().routes()).hasSize(4);

            HttpResponse<String> clock = http.send(HttpRequest.newBuilder(
                    URI.create(runtime.server().baseUri() + "/local/clock")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(clock.body()).contains("2026-11-23T00:00:00Z");

            runtime.clock().advance(Duration.ofDays(1));
            TickReport tick = runtime.schedules().tick();
            assertThat(tick.outcomes()).extracting(TickReport.Outcome::status)
                    .as("no scheduled function runs locally yet")
                    .containsOnly(TickReport.Status.NO_TARGET);
            dynamoDbPort = Integer.parseInt(System.getProperty(SdkSystemProperties.DYNAMODB_ENDPOINT)
                    .substring("http://localhost:".length()));
        }
        assertThat(System.getProperty(SdkSystemProperties.DYNAMODB_ENDPOINT)).isNull();
        assertThatThrownBy(() -> new Socket("localhost", dynamoDbPort).close()).isInstanceOf(IOException.class);
    }

    @Test
    void start_whenTemplateHasNoTable_failsAndLeavesNothingRunning() {
        assertThatThrownBy(() -> LocalRuntime.start(Fixtures.template("no-tables.yaml"), 0, START))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("AWS::DynamoDB::Table");
        assertThat(System.getProperty(SdkSystemProperties.DYNAMODB_ENDPOINT)).isNull();
    }
}
