package dev.winback.adapters.json;

import dev.winback.core.journey.CustomerJourneys;
import dev.winback.core.journey.JourneyHistory;
import dev.winback.core.journey.JourneyRun;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerJourneysJsonTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    static CustomerJourneys full() {
        JourneyRun waiting = new JourneyRun("review", "o-9", 2, 3, AT.minusSeconds(86_400), AT.minusSeconds(3600),
                "ask", AT.minusSeconds(60), Optional.of(AT.plusSeconds(7 * 86_400)), Map.of("orderId", "o-9", "category", "shoes"));
        JourneyRun bare = new JourneyRun("refill", "coffee", 1, 1, AT, AT.plusNanos(123_456_789), "start", AT,
                Optional.empty(), Map.of());
        return new CustomerJourneys("c-1", List.of(waiting, bare),
                Map.of(JourneyHistory.runKey("review", "o-9"),
                        new JourneyHistory(2, AT.minusSeconds(86_400), AT.minusSeconds(3600), Optional.empty(), Optional.empty()),
                        JourneyHistory.runKey("review", "o-3"),
                        new JourneyHistory(1, AT.minusSeconds(900_000), AT.minusSeconds(899_000),
                                Optional.of(AT.minusSeconds(800_000)), Optional.of("completed"))),
                Map.of("birthday", Instant.parse("2027-03-14T09:00:00Z")),
                List.of("e-1", "e-2", "e-3"),
                List.of(DeliveryJsonTest.request()));
    }

    @Test
    void everyPartReadsBackAsWritten() {
        CustomerJourneys journeys = full();

        assertThat(CustomerJourneysJson.fromBytes(CustomerJourneysJson.toBytes(journeys))).isEqualTo(journeys);
    }

    @Test
    void emptyJourneys_readBack_andWriteOnlyTheirId() {
        CustomerJourneys empty = CustomerJourneys.empty("c-2");
        byte[] json = CustomerJourneysJson.toBytes(empty);

        assertThat(CustomerJourneysJson.fromBytes(json)).isEqualTo(empty);
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"format\":1,\"id\":\"c-2\"}");
    }

    @Test
    void absentOptionals_areLeftOut_andReadBackEmpty() {
        CustomerJourneys journeys = full();
        String json = new String(CustomerJourneysJson.toBytes(journeys), StandardCharsets.UTF_8);
        CustomerJourneys read = CustomerJourneysJson.fromBytes(json.getBytes(StandardCharsets.UTF_8));

        JourneyRun bare = read.run("refill", "coffee").orElseThrow();
        assertThat(bare.dueAt()).isEmpty();
        assertThat(bare.context()).isEmpty();
        assertThat(bare.enteredAt()).as("nanoseconds kept").isEqualTo(AT.plusNanos(123_456_789));
        JourneyHistory active = read.history().get(JourneyHistory.runKey("review", "o-9"));
        assertThat(active.lastExit()).isEmpty();
        assertThat(active.lastExitReason()).isEmpty();
        // Only the one run with a deadline and the one ended history write those fields.
        assertThat(json.split("\"dueAt\"", -1)).hasSize(2);
        assertThat(json.split("\"exitAt\"", -1)).hasSize(2);
        assertThat(json).doesNotContain("null");
    }

    @Test
    void anUnknownFormat_orAMissingField_isRefused() {
        assertThatThrownBy(() -> CustomerJourneysJson.fromBytes("{\"format\":2,\"id\":\"c-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> CustomerJourneysJson.fromBytes(
                "{\"format\":1,\"id\":\"c-1\",\"runs\":[{\"journey\":\"j\",\"key\":\"k\"}]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry");
        assertThatThrownBy(() -> CustomerJourneysJson.fromBytes("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
