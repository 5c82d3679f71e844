package dev.winback.core.record;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.OptOutCount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutChangesTest {

    private static final Instant SENT = Instant.parse("2026-07-01T10:00:00Z");
    private static final LocalDate SENT_DAY = LocalDate.parse("2026-07-01");

    private static EngagementRecord exposed() {
        return EngagementRecord.empty("c-1")
                .exposedTo("older-rule", Assignment.TREATED, SENT.minus(Duration.ofDays(3)))
                .exposedTo("held-rule", Assignment.HELD_OUT, SENT.plus(Duration.ofHours(1)))
                .exposedTo("lapsed-rule", Assignment.TREATED, SENT);
    }

    private static EngagementRecord applied(EngagementRecord record, EventPayload... payloads) {
        List<EngagementEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(new EngagementEvent("e-" + i + "-" + payloads[i].type(), "c-1", SENT.plus(Duration.ofDays(2)),
                    Optional.empty(), payloads[i]));
        }
        return RecordUpdate.apply(record, events, Map.of()).record();
    }

    private static EventPayload withdrawal(Channel channel, String source) {
        return new EventPayload.ConsentChanged(channel, Purpose.MARKETING, false, source, "v1");
    }

    @Test
    void aOneClickUnsubscribe_countsOnceForTheLastTreatedExposureBeforeIt_onItsDay() {
        EngagementRecord before = exposed();
        EngagementRecord after = applied(before, withdrawal(Channel.EMAIL, "one-click"),
                new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED));

        assertThat(OptOutChanges.of(before, after)).containsExactly(new OptOutCount("lapsed-rule", SENT_DAY, 1, 0));
        // The same state again (a replay, the second event of the pair later) is no new opt-out.
        assertThat(OptOutChanges.of(after, applied(after, withdrawal(Channel.EMAIL, "one-click")))).isEmpty();
    }

    @Test
    void aComplaint_isAComplaintAndNotAlsoAnUnsubscribe() {
        EngagementRecord before = exposed();
        EngagementRecord after = applied(before, new EventPayload.EmailSubscriptionChanged(EmailStatus.COMPLAINED),
                withdrawal(Channel.EMAIL, "complaint"));

        assertThat(OptOutChanges.of(before, after)).containsExactly(new OptOutCount("lapsed-rule", SENT_DAY, 0, 1));
    }

    @Test
    void anSmsStopAndAnEmailUnsubscribeInOneWrite_areTwoUnsubscribes() {
        EngagementRecord before = exposed();
        EngagementRecord after = applied(before, new EventPayload.SmsSubscriptionChanged(SmsStatus.UNSUBSCRIBED),
                withdrawal(Channel.EMAIL, "preference-centre"));

        assertThat(OptOutChanges.of(before, after)).containsExactly(new OptOutCount("lapsed-rule", SENT_DAY, 2, 0));
    }

    @Test
    void anOptOutOutsideEveryTreatedWindow_orWithOnlyAHoldout_countsForNoUnit() {
        EngagementRecord late = EngagementRecord.empty("c-1").exposedTo("lapsed-rule", Assignment.TREATED,
                SENT.minus(Duration.ofDays(20)));
        assertThat(OptOutChanges.of(late, applied(late, withdrawal(Channel.EMAIL, "one-click")))).isEmpty();

        EngagementRecord heldOut = EngagementRecord.empty("c-1").exposedTo("lapsed-rule", Assignment.HELD_OUT, SENT);
        assertThat(OptOutChanges.of(heldOut, applied(heldOut, withdrawal(Channel.EMAIL, "one-click")))).isEmpty();
    }

    @Test
    void aGrant_isNoOptOut() {
        EngagementRecord before = exposed();
        EngagementRecord after = applied(before, new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true,
                "signup", "v1"));
        assertThat(OptOutChanges.of(before, after)).isEmpty();
    }
}
