package dev.winback.core.ingest;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.observe.Warnings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final InMemoryEngagementStore store = new InMemoryEngagementStore();
    private final List<String> kept = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final RejectedEventLog log = (source, sourceId, body, errors, omitted, at) ->
            kept.add(source + " " + sourceId + " " + body + " " + errors.getFirst().field() + " " + at);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A body "order:<id>" is an order of c-1 at {@link #AT}; any other body is refused. */
    private static final EventFormat FORMAT = new EventFormat() {
        @Override
        public ParseResult parse(String body) {
            return body.startsWith("order:") ? new ParseResult.Parsed(order(body.substring(6), AT))
                    : ParseResult.Invalid.of(new FieldError("type", "is missing"));
        }

        @Override
        public String write(EngagementEvent event) {
            return "order:" + event.eventId();
        }
    };

    private EventIntake intake(RejectedEventLog rejected) {
        return new EventIntake(new IngestEvents(store, Runnable::run, clock, NextDue.NEVER), FORMAT, rejected,
                (message, cause) -> warnings.add(message), clock);
    }

    @Test
    void accept_appliesTheValidTogether_andKeepsTheInvalidWithTheirReasons_inInputOrder() {
        List<IntakeResult> results = intake(log).accept(List.of(
                new EventIntake.RawEvent("sqs", "m-1", "order:o-1"),
                new EventIntake.RawEvent("sqs", "m-2", "garbage"),
                new EventIntake.RawEvent("sqs", "m-3", "order:o-1")));

        assertThat(results).containsExactly(new IntakeResult.Applied("o-1"),
                new IntakeResult.Rejected(null, List.of(new FieldError("type", "is missing"))),
                new IntakeResult.Duplicate("o-1"));
        assertThat(kept).containsExactly("sqs m-2 garbage type " + NOW);
        assertThat(store.get("c-1").record().purchases().orders()).isEqualTo(1);
    }

    @Test
    void apply_keepsAnIdReusedForAnotherEvent_writtenInTheContractFormat() {
        EventIntake intake = intake(log);
        intake.apply(List.of(order("o-1", AT)));

        List<IntakeResult> results = intake.apply(List.of(order("o-1", AT.minusSeconds(40 * 86_400))));

        assertThat(results).containsExactly(new IntakeResult.Rejected("o-1",
                List.of(new FieldError("eventId", EventIntake.CONFLICTING_ID))));
        assertThat(kept).singleElement().asString().startsWith("api o-1@").contains(" order:o-1 eventId ");
    }

    @Test
    void anInvalidEventThatCannotBeKept_isRetried_andReported() {
        List<IntakeResult> results = intake((source, sourceId, body, errors, omitted, at) -> {
            throw new IllegalStateException("table unavailable");
        }).accept(List.of(new EventIntake.RawEvent("sqs", "m-1", "garbage")));

        assertThat(results).containsExactly(new IntakeResult.Retry(null));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("redelivered"));
    }

    @Test
    void arrivalProblem_namesOccurredAt_forAnEventDatedTooFarAhead() {
        EventIntake intake = new EventIntake(new IngestEvents(store, Runnable::run, clock, NextDue.NEVER), FORMAT, log, Warnings.NONE, clock);

        assertThat(intake.arrivalProblem(order("o-2", NOW.plusSeconds(86_400)))).get()
                .extracting(FieldError::field).isEqualTo("occurredAt");
        assertThat(intake.arrivalProblem(order("o-3", AT))).isEqualTo(Optional.empty());
    }

    private static EngagementEvent order(String id, Instant at) {
        return new EngagementEvent(id, "c-1", at, Optional.empty(), new EventPayload.PurchaseCompleted("order-" + id,
                new BigDecimal("100.00"), "EUR", List.of(new LineItem("sku-1", "shoes", 1, new BigDecimal("100.00")))));
    }
}
