package dev.winback.adapters.dynamodb;

import dev.winback.core.ingest.FieldError;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rejected events in DynamoDB Local: kept with their reasons, once per input, and found by erasure.
 * Operators read them in the table (there is no reader in the code), so the test reads the items.
 */
class RejectedEventsIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final RejectedEvents rejected = new RejectedEvents(table.client(), table.name());

    @Test
    void keep_storesTheBodyWithItsReasons_oncePerInput() {
        String body = "{\"customerId\": \"c-42\", \"type\": \"nope\"}";
        List<FieldError> errors = List.of(new FieldError("$.type", "unknown event type"),
                new FieldError("$.occurredAt", "missing"));

        rejected.keep("sqs", "msg-1", body, errors, 2, AT);
        rejected.keep("sqs", "msg-1", body, errors, 2, AT.plusSeconds(30));

        List<Map<String, AttributeValue>> items = items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("body").s()).isEqualTo(body);
            assertThat(item.get("reasons").l()).extracting(AttributeValue::s)
                    .containsExactly("$.type: unknown event type", "$.occurredAt: missing");
            assertThat(item.get("reasonsOmitted").n()).isEqualTo("2");
            assertThat(item.get("source").s()).isEqualTo("sqs");
            assertThat(item.get("bodyTruncated").bool()).isFalse();
        });
    }

    @Test
    void aHugeInput_isKeptCut_withTheReasonsCapped() {
        String body = "x".repeat(300 * 1024);
        List<FieldError> errors = IntStream.range(0, FieldError.MAX_LISTED + 5)
                .mapToObj(i -> new FieldError("$.f" + i, "bad " + "y".repeat(500))).toList();

        rejected.keep("api", "req-0", body, errors, 0, AT);

        Map<String, AttributeValue> item = items().getFirst();
        assertThat(item.get("bodyTruncated").bool()).isTrue();
        assertThat(item.get("body").s()).hasSizeLessThan(body.length());
        assertThat(item.get("reasons").l()).hasSize(FieldError.MAX_LISTED);
        assertThat(item.get("reasonsOmitted").n()).isEqualTo("5");
    }

    @Test
    void forget_deletesTheKeptBodiesThatNameSomeone_withinTheRetention() {
        rejected.keep("sqs", "msg-1", "{\"customerId\": \"c-42\"}", List.of(), 0, AT.minus(Duration.ofDays(3)));
        rejected.keep("sqs", "msg-2", "{\"customerId\": \"c-42\", \"x\": 1}", List.of(), 0, AT);
        rejected.keep("sqs", "msg-3", "{\"customerId\": \"c-7\"}", List.of(), 0, AT);

        int deleted = rejected.forget(body -> body.contains("c-42"), AT.plusSeconds(60));

        assertThat(deleted).isEqualTo(2);
        assertThat(items()).extracting(item -> item.get("body").s()).containsExactly("{\"customerId\": \"c-7\"}");
        assertThat(rejected.forget(body -> body.contains("c-42"), AT.plusSeconds(60))).isZero();
    }

    private List<Map<String, AttributeValue>> items() {
        return table.client().scan(b -> b.tableName(table.name()).consistentRead(true)).items();
    }
}
