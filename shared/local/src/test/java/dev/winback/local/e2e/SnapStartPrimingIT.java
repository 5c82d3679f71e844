package dev.winback.local.e2e;

import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Priming before a SnapStart snapshot goes through the real store paths on DynamoDB Local and stores nothing. */
class SnapStartPrimingIT {

    private final IngestFixture fixture = IngestFixture.get();

    @Test
    void priming_readsAndOffersAConditionalWrite_butLeavesNoItem() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);
        EngagementTable table = new EngagementTable(fixture.config, fixture.clients, clock);
        Ingestion ingestion = new Ingestion(table, clock, fixture.writers);

        assertThatCode(ingestion::prime).doesNotThrowAnyException();
        assertThatCode(ingestion::prime).as("priming twice, as a second snapshot would").doesNotThrowAnyException();

        var items = fixture.clients.dynamoDb().scanPaginator(b -> b.tableName(fixture.config.tableName())
                .filterExpression("contains(pk, :id) OR contains(sk, :id)")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("snapstart-priming")))).items();
        assertThat(items).isEmpty();
    }
}
