package dev.winback.local.backtest.replay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayInputTest {

    static String event(String id, String customerId, String type, String at) {
        String properties = switch (type) {
            case "purchase_completed" -> "{\"orderId\":\"o-" + id + "\",\"amount\":10,\"currency\":\"EUR\",\"items\":[]}";
            case "session_started" -> "{\"platform\":\"web\"}";
            default -> "{}";
        };
        return "{\"eventId\":\"" + id + "\",\"customerId\":\"" + customerId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\",\"properties\":" + properties + "}";
    }

    @Test
    void sortsByOccurredAt_feedsInvalidLinesFirst_andNotesPurchasesAndCustomersOfValidEvents() {
        String late = event("e1", "c1", "purchase_completed", "2000-01-05T00:00:00Z");
        String early = event("e2", "c2", "session_started", "2000-01-01T00:00:00Z");
        String alsoEarly = event("e3", "c1", "purchase_completed", "2000-01-01T00:00:00Z");
        String undated = "{\"eventId\":\"e4\",\"customerId\":\"c3\",\"type\":\"session_started\"}";
        String unknownType = event("e5", "c4", "no_such_type", "2000-01-02T00:00:00Z");
        String garbage = "not json";

        ReplayInput input = ReplayInput.of(List.of(late, "", early, alsoEarly, undated, garbage, unknownType, "   "));

        assertThat(input.events()).extracting(ReplayInput.Dated::line)
                .containsExactly(undated, garbage, unknownType, early, alsoEarly, late);
        assertThat(input.invalid()).isEqualTo(3);
        assertThat(input.customers()).containsExactly("c1", "c2");
        assertThat(input.purchases()).containsOnlyKeys("c1");
        assertThat(input.purchases().get("c1")).containsExactly(Instant.parse("2000-01-05T00:00:00Z"),
                Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(input.first()).contains(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(input.last()).contains(Instant.parse("2000-01-05T00:00:00Z"));
    }

    @Test
    void nothingDated_hasNoSpan() {
        ReplayInput input = ReplayInput.of(List.of("nonsense"));

        assertThat(input.first()).isEqualTo(Optional.empty());
        assertThat(input.last()).isEmpty();
    }
}
