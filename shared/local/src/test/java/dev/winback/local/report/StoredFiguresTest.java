package dev.winback.local.report;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.MessageDecision.Kind;
import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import dev.winback.local.report.RetentionReport.WeeklyActivity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StoredFiguresTest {

    // A Wednesday: its week starts on Monday 2026-07-06.
    private static final Instant WEDNESDAY = Instant.parse("2026-07-08T12:00:00Z");

    @Test
    void counts_sends_by_channel_and_every_decision_by_what_and_why() {
        List<LedgerEntry> ledger = List.of(
                entry("c-1", MessageDecision.on(WEDNESDAY, Kind.SKIPPED, Channel.SMS, Reason.NO_CONSENT, ""),
                        MessageDecision.on(WEDNESDAY, Kind.SENT, Channel.EMAIL, Reason.ACCEPTED, "")),
                entry("c-2", MessageDecision.on(WEDNESDAY, Kind.STOPPED, Channel.EMAIL, Reason.HELD_OUT, "unit holdout")),
                entry("c-3", MessageDecision.on(WEDNESDAY, Kind.SENT, Channel.EMAIL, Reason.ACCEPTED, "")));

        assertThat(StoredFigures.messagesByChannel(ledger)).isEqualTo(Map.of("email", 2L));
        assertThat(StoredFigures.decisionsByReason(ledger)).isEqualTo(Map.of("sent: accepted", 2L,
                "skipped: no_consent", 1L, "stopped: held_out", 1L));
    }

    @Test
    void weeks_run_from_the_first_to_the_last_with_each_signal_counted_once_in_the_week_it_began() {
        Instant began = WEDNESDAY.minus(Duration.ofDays(7));
        List<ActionRequest> actions = List.of(
                action("c-1", SignalType.LAPSED, began, RetentionAction.LAPSED_CAMPAIGN, WEDNESDAY),
                action("c-1", SignalType.LAPSED, began, RetentionAction.IN_APP_NUDGE, WEDNESDAY),
                action("c-2", SignalType.LAPSED, WEDNESDAY, RetentionAction.LAPSED_CAMPAIGN, WEDNESDAY));
        List<LedgerEntry> ledger = List.of(entry("c-1",
                MessageDecision.on(WEDNESDAY.plus(Duration.ofDays(14)), Kind.SENT, Channel.EMAIL, Reason.ACCEPTED, "")));

        assertThat(StoredFigures.weekly(actions, ledger)).containsExactly(
                new WeeklyActivity(LocalDate.parse("2026-06-29"), 1, 0, 0),
                new WeeklyActivity(LocalDate.parse("2026-07-06"), 1, 3, 0),
                new WeeklyActivity(LocalDate.parse("2026-07-13"), 0, 0, 0),
                new WeeklyActivity(LocalDate.parse("2026-07-20"), 0, 0, 1));
    }

    @Test
    void no_actions_and_no_messages_make_no_weeks() {
        assertThat(StoredFigures.weekly(List.of(), List.of())).isEmpty();
    }

    private static LedgerEntry entry(String customerId, MessageDecision... decisions) {
        DeliveryRequest request = new DeliveryRequest(customerId, "camp", "camp", "s", Purpose.MARKETING,
                MessageCategory.PROMOTIONS, List.of(Channel.EMAIL), WEDNESDAY, WEDNESDAY.plus(Duration.ofDays(2)),
                Duration.ofHours(4), Map.of());
        return new LedgerEntry(request.key(), request, LedgerStatus.SENT, List.of(), List.of(decisions),
                Optional.empty(), Optional.empty(), Optional.empty(), 1, WEDNESDAY, WEDNESDAY);
    }

    private static ActionRequest action(String customerId, SignalType type, Instant since, RetentionAction action,
                                        Instant requestedAt) {
        return new ActionRequest(ActionRequest.idempotencyKey(customerId, type, since, action, "camp"), customerId, type,
                since, "why", action, "camp", List.of(Channel.EMAIL), Purpose.MARKETING, requestedAt,
                new PlaybookVersion(2026, 7, 1));
    }
}
