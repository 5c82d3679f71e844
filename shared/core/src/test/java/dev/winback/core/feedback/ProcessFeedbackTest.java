package dev.winback.core.feedback;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessFeedbackTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-11-20T09:59:00Z");
    private static final Instant TEXTED = Instant.parse("2026-11-20T09:58:00Z");
    private static final String KNOWN = "+15550100001";
    private static final String STRANGER = "+15550100002";
    private static final String OURS = "+15550109999";

    private final List<EngagementEvent> ingested = new ArrayList<>();
    private final Map<String, StoredRecord> records = new HashMap<>();
    private final Map<String, List<String>> phoneOwners = new HashMap<>(Map.of(KNOWN, List.of("c-1")));
    private final Map<String, List<String>> emailOwners = new HashMap<>();
    private final Set<String> suppressed = new HashSet<>();
    private final List<String> texts = new ArrayList<>();
    private final List<String> optedIn = new ArrayList<>();
    private final List<CustomerReplied> replies = new ArrayList<>();
    private final List<String> alarms = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean intakeRetries;
    private boolean suppressionFails;

    private final ProcessFeedback feedback = new ProcessFeedback(
            events -> {
                ingested.addAll(events);
                return intakeRetries;
            },
            customerId -> Optional.ofNullable(records.get(customerId)),
            new ContactOwners() {
                @Override
                public List<String> ownersOfEmail(String address) {
                    return emailOwners.getOrDefault(address, List.of());
                }

                @Override
                public List<String> ownersOfPhone(String e164) {
                    return phoneOwners.getOrDefault(e164, List.of());
                }
            },
            new SmsSuppressionList() {
                @Override
                public void suppressSms(String e164, Instant at) {
                    if (suppressionFails) throw new IllegalStateException("table unavailable");
                    suppressed.add(e164);
                }

                @Override
                public void liftSmsSuppression(String e164) {
                    suppressed.remove(e164);
                }
            },
            arn -> arn.equals("arn:endpoint/known") ? Optional.of("c-1") : Optional.empty(),
            (to, from, text) -> texts.add(to + "<" + from + ": " + text),
            optedIn::add, replies::add, new InMemoryOnce(),
            (name, inAlarm, at) -> alarms.add(name + "=" + inAlarm + "@" + at),
            ProcessFeedback.Replies.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC),
            (Warnings) (message, cause) -> warnings.add(message));

    @Test
    void stopFromACustomersNumber_withdrawsSmsMarketing_receivedWhenPublished_andConfirmsOnceEvenWhenReplayed() {
        ProcessFeedback.Report first = feedback.process(List.of(sms("in-1", KNOWN, "STOP")));
        ProcessFeedback.Report replay = feedback.process(List.of(sms("in-1", KNOWN, "STOP")));

        assertThat(first.counts()).containsEntry("sms.stop", 1);
        assertThat(first.retry()).isFalse();
        assertThat(replay.counts()).containsEntry("sms.stop", 1);
        assertThat(texts).containsExactly(KNOWN + "<" + OURS + ": " + ProcessFeedback.Replies.DEFAULT.stopped());
        List<EngagementEvent> once = ingested.subList(0, 2);
        assertThat(once).extracting(EngagementEvent::payload).containsExactly(
                new EventPayload.SmsSubscriptionChanged(SmsStatus.UNSUBSCRIBED),
                new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, false,
                        ProcessFeedback.SMS_KEYWORD_SOURCE, ProcessFeedback.SMS_KEYWORD_WORDING,
                        Optional.of("in-1"), Optional.empty()));
        assertThat(once).allSatisfy(e -> {
            assertThat(e.customerId()).isEqualTo("c-1");
            assertThat(e.receivedAt()).isEqualTo(PUBLISHED);
        });
        assertThat(ingested.subList(2, 4)).extracting(EngagementEvent::eventId)
                .as("a replay makes the same events").containsExactlyElementsOf(once.stream().map(EngagementEvent::eventId).toList());
        assertThat(suppressed).as("a known number stops through its customers' consent").isEmpty();
    }

    @Test
    void stop_whenConsentIsAlreadyWithdrawn_sendsNoConfirmation() {
        records.put("c-1", withSmsMarketing("c-1", false));

        assertThat(feedback.process(List.of(sms("in-2", KNOWN, "stop"))).counts()).containsEntry("sms.stop", 1);

        assertThat(texts).isEmpty();
    }

    @Test
    void stopFromANumberNoCustomerGave_suppressesTheNumber_andStartLiftsIt_andOptsItBackIn() {
        assertThat(feedback.process(List.of(sms("in-3", STRANGER, "STOP"))).counts())
                .containsEntry("sms.stop.unknown_sender", 1);
        assertThat(suppressed).containsExactly(STRANGER);

        assertThat(feedback.process(List.of(sms("in-4", STRANGER, "START"))).counts())
                .containsEntry("sms.start.unknown_sender", 1);
        assertThat(suppressed).isEmpty();
        assertThat(optedIn).containsExactly(STRANGER);
        assertThat(ingested).isEmpty();
        assertThat(texts).containsExactly(
                STRANGER + "<" + OURS + ": " + ProcessFeedback.Replies.DEFAULT.stopped(),
                STRANGER + "<" + OURS + ": " + ProcessFeedback.Replies.DEFAULT.started());
    }

    @Test
    void aStopThatCannotBeStored_isRetried_withoutConfirmation() {
        intakeRetries = true;

        ProcessFeedback.Report report = feedback.process(List.of(sms("in-5", KNOWN, "STOP")));

        assertThat(report.retry()).isTrue();
        assertThat(texts).isEmpty();
    }

    @Test
    void aSuppressionListThatCannotBeWritten_isRetried_andWarned() {
        suppressionFails = true;

        ProcessFeedback.Report report = feedback.process(List.of(sms("in-6", STRANGER, "STOP")));

        assertThat(report.retry()).isTrue();
        assertThat(texts).isEmpty();
        assertThat(warnings).containsExactly("updating the SMS suppression list failed; will retry");
    }

    @Test
    void help_isAnsweredOnce_andAReply_goesToSupportOnce_withoutTheNumber() {
        feedback.process(List.of(sms("in-7", KNOWN, "HELP"), sms("in-7", KNOWN, "HELP")));
        ProcessFeedback.Report report = feedback.process(List.of(sms("in-8", KNOWN, "Is my order shipped?"),
                sms("in-8", KNOWN, "Is my order shipped?")));

        assertThat(texts).containsExactly(KNOWN + "<" + OURS + ": " + ProcessFeedback.Replies.DEFAULT.help());
        assertThat(report.counts()).containsEntry("sms.reply", 2);
        assertThat(replies).containsExactly(
                new CustomerReplied("in-8", List.of("c-1"), "sms", "Is my order shipped?", TEXTED));
    }

    @Test
    void aTextWithoutATimeOrPublishTime_isDatedNow() {
        feedback.process(List.of(new ProcessFeedback.Incoming(
                new FeedbackNotice.InboundSms("in-9", KNOWN, OURS, "hello", null), null)));

        assertThat(replies).extracting(CustomerReplied::receivedAt).containsExactly(NOW);
    }

    @Test
    void healthAlarms_areApplied_andWarned() {
        Instant at = Instant.parse("2026-11-20T08:00:00Z");
        ProcessFeedback.Report report = feedback.process(List.of(
                new ProcessFeedback.Incoming(new FeedbackNotice.HealthAlarm("bounce-rate", true, at), PUBLISHED),
                new ProcessFeedback.Incoming(new FeedbackNotice.HealthAlarm("bounce-rate", false, at), PUBLISHED)));

        assertThat(report.counts()).containsEntry("health.paused", 1).containsEntry("health.resumed", 1);
        assertThat(alarms).containsExactly("bounce-rate=true@" + at, "bounce-rate=false@" + at);
        assertThat(warnings).containsExactly("account health: marketing email paused by bounce-rate",
                "account health: marketing email resumed by bounce-rate");
    }

    @Test
    void unreadableUnknownAndIgnoredNotifications_areCountedByKind() {
        ProcessFeedback.Report report = feedback.process(List.of(
                incoming(new FeedbackNotice.Unreadable("not JSON")),
                incoming(new FeedbackNotice.UnknownMessage("ses.bounce")),
                incoming(new FeedbackNotice.Ignored("ses.send"))));

        assertThat(report.counts()).containsOnly(Map.entry("unreadable", 1), Map.entry("ses.bounce.unknown_message", 1),
                Map.entry("ses.send.ignored", 1));
        assertThat(warnings).containsExactly("unreadable feedback notification: not JSON");
        assertThat(ingested).isEmpty();
    }

    @Test
    void emailEvents_goToTheTaggedCustomer_elseToWhoeverGaveTheAddress() {
        emailOwners.put("ann@example.com", List.of("c-2", "c-3"));
        FeedbackNotice tagged = new FeedbackNotice.EmailEvents("ses.open", Optional.of("c-1"),
                List.of("ann@example.com"), this::opened);
        FeedbackNotice untagged = new FeedbackNotice.EmailEvents("ses.open", Optional.empty(),
                List.of("ann@example.com"), this::opened);
        FeedbackNotice nobodys = new FeedbackNotice.EmailEvents("ses.open", Optional.empty(),
                List.of("nobody@example.com"), this::opened);

        ProcessFeedback.Report report = feedback.process(List.of(incoming(tagged), incoming(untagged),
                incoming(nobodys)));

        assertThat(report.counts()).containsEntry("ses.open", 2).containsEntry("ses.open.unknown_recipient", 1);
        assertThat(ingested).extracting(EngagementEvent::customerId).containsExactly("c-1", "c-2", "c-3");
    }

    @Test
    void pushEndpointEvents_goToTheEndpointsOwner() {
        FeedbackNotice known = new FeedbackNotice.PushEndpoint("push.deliveryfailure", "arn:endpoint/known", true,
                this::opened);
        FeedbackNotice unknown = new FeedbackNotice.PushEndpoint("push.deliveryfailure", "arn:endpoint/other", false,
                this::opened);

        ProcessFeedback.Report report = feedback.process(List.of(incoming(known), incoming(unknown)));

        assertThat(report.counts()).containsEntry("push.deliveryfailure.disabled", 1)
                .containsEntry("push.deliveryfailure.unknown_endpoint", 1);
        assertThat(ingested).extracting(EngagementEvent::customerId).containsExactly("c-1");
    }

    private List<EngagementEvent> opened(String customerId) {
        return List.of(FeedbackEvents.event(FeedbackEvents.id("test", "m", customerId, ""), customerId, NOW,
                new EventPayload.AppInstalled()));
    }

    private static ProcessFeedback.Incoming incoming(FeedbackNotice notice) {
        return new ProcessFeedback.Incoming(notice, PUBLISHED);
    }

    private static ProcessFeedback.Incoming sms(String id, String from, String body) {
        return incoming(new FeedbackNotice.InboundSms(id, from, OURS, body, TEXTED));
    }

    private static StoredRecord withSmsMarketing(String customerId, boolean granted) {
        EngagementEvent consent = FeedbackEvents.event("consent-" + customerId, customerId,
                Instant.parse("2026-11-01T00:00:00Z"), new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING,
                        granted, "form", "v1", Optional.empty(), Optional.empty())).receivedBy(NOW);
        EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty(customerId), List.of(consent), Map.of()).record();
        return new StoredRecord(record, 1);
    }

    /** Once-markers in memory. */
    private static final class InMemoryOnce implements Once {
        private final Set<String> done = new HashSet<>();

        @Override
        public boolean firstTime(String key) {
            return done.add(key);
        }

        @Override
        public boolean done(String key) {
            return done.contains(key);
        }

        @Override
        public void markDone(String key) {
            done.add(key);
        }
    }
}
