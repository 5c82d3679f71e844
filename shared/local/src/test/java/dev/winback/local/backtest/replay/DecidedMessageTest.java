package dev.winback.local.backtest.replay;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.MessageDecision.Kind;
import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DecidedMessageTest {

    static final Instant AT = Instant.parse("2000-03-01T10:00:00Z");

    static DeliveryRequest request(Map<String, String> variables) {
        return new DeliveryRequest("c1", "lapsed-any-channel", "lapsed-any-channel", "slot-1", Purpose.MARKETING,
                MessageCategory.REMINDERS, List.of(Channel.EMAIL, Channel.IN_APP), AT, AT.plus(Duration.ofDays(3)),
                Duration.ZERO, variables);
    }

    static LedgerEntry entry(DeliveryRequest request, LedgerStatus status, MessageDecision... decisions) {
        return new LedgerEntry(request.key(), request, status, List.of(), List.of(decisions), Optional.empty(),
                Optional.empty(), Optional.empty(), 1, AT, AT.plusSeconds(600));
    }

    @Test
    void sent_atTheSendingDecision() {
        DecidedMessage m = DecidedMessage.of(entry(request(Map.of("signal", "lapsed")), LedgerStatus.SENT,
                MessageDecision.on(AT, Kind.SKIPPED, Channel.EMAIL, Reason.NO_CONSENT, "email"),
                MessageDecision.on(AT.plusSeconds(5), Kind.SENT, Channel.IN_APP, Reason.ACCEPTED, "m-1")));

        assertThat(m.outcome()).isEqualTo(DecidedMessage.Outcome.SENT);
        assertThat(m.decidedAt()).contains(AT.plusSeconds(5));
        assertThat(m.unit()).isEqualTo("lapsed-any-channel");
        assertThat(m.fromRule()).isTrue();
        assertThat(m.decided()).isTrue();
    }

    @Test
    void heldOut_atTheHoldoutDecision_andAJourneysMessageIsNotARules() {
        DecidedMessage m = DecidedMessage.of(entry(request(Map.of(DeliveryRequest.JOURNEY_VARIABLE, "welcome")),
                LedgerStatus.HELD_OUT,
                MessageDecision.on(AT.plusSeconds(7), Kind.STOPPED, Channel.EMAIL, Reason.HELD_OUT, "holdout of welcome")));

        assertThat(m.outcome()).isEqualTo(DecidedMessage.Outcome.HELD_OUT);
        assertThat(m.decidedAt()).contains(AT.plusSeconds(7));
        assertThat(m.unit()).isEqualTo("welcome");
        assertThat(m.fromRule()).isFalse();
        assertThat(m.decided()).isTrue();
    }

    @Test
    void notSent_namesTheFirstRefusalWhenNoChannelWasLeft_pendingNamesItsState() {
        DecidedMessage skipped = DecidedMessage.of(entry(request(Map.of()), LedgerStatus.SKIPPED,
                MessageDecision.on(AT, Kind.SKIPPED, Channel.EMAIL, Reason.NO_CONSENT, "email"),
                MessageDecision.on(AT, Kind.SKIPPED, Channel.IN_APP, Reason.APP_NOT_INSTALLED, "in_app"),
                MessageDecision.overall(AT, Kind.STOPPED, Reason.NO_CHANNEL_LEFT, "no channel left")));
        DecidedMessage expired = DecidedMessage.of(entry(request(Map.of()), LedgerStatus.SKIPPED,
                MessageDecision.overall(AT, Kind.STOPPED, Reason.EXPIRED, "expired")));
        DecidedMessage held = DecidedMessage.of(entry(request(Map.of()), LedgerStatus.HELD,
                MessageDecision.overall(AT, Kind.HELD, Reason.QUIET_HOURS, "until 08:00")));

        assertThat(skipped.outcome()).isEqualTo(DecidedMessage.Outcome.NOT_SENT);
        assertThat(skipped.reason()).isEqualTo("no_consent");
        assertThat(skipped.decidedAt()).isEmpty();
        assertThat(skipped.decided()).isFalse();
        assertThat(expired.reason()).isEqualTo("expired");
        assertThat(held.outcome()).isEqualTo(DecidedMessage.Outcome.PENDING);
        assertThat(held.reason()).isEqualTo("held");
    }
}
