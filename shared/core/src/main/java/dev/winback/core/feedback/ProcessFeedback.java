package dev.winback.core.feedback;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.SmsStop;
import dev.winback.core.record.Stamped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies provider feedback to the records through the same ingestion as every other event, and
 * answers text messages: STOP-family keywords and plain revocations withdraw SMS marketing at once
 * (one confirmation at most, even when the notification is replayed; a number no customer gave goes
 * on the SMS suppression list instead), START re-opts in, HELP gets the help text, anything else
 * goes to support tools as {@code CustomerReplied}. Warnings name kinds and alarms, never an
 * address, number or message text.
 */
public final class ProcessFeedback {

    public static final String SMS_KEYWORD_SOURCE = SmsStop.KEYWORD_SOURCE;
    public static final String SMS_KEYWORD_WORDING = "carrier-keywords-v1";

    /** The texts Winback answers with; operators replace them with their own brand's wording. */
    public record Replies(String stopped, String started, String help) {
        public static final Replies DEFAULT = new Replies(
                "You are unsubscribed and will receive no more marketing texts. Reply START to resubscribe.",
                "You are subscribed to marketing texts again. Reply STOP to unsubscribe, HELP for help.",
                "Marketing texts from us. Reply STOP to unsubscribe. Msg & data rates may apply.");
    }

    /**
     * One notification and when the provider's topic published it.
     *
     * @param publishedAt the events' receipt, the same on every retry and on a replay from the
     *                    dead-letter queue, so a replayed STOP never counts as received after a START
     *                    texted later (null: received now)
     */
    public record Incoming(FeedbackNotice notice, Instant publishedAt) {
    }

    /** What one call did: how many notifications of each kind, and whether some must be retried. */
    public record Report(Map<String, Integer> counts, boolean retry) {
    }

    private final FeedbackIntake intake;
    private final CurrentRecords records;
    private final ContactOwners owners;
    private final SmsSuppressionList suppressed;
    private final EndpointOwners endpoints;
    private final SmsReplies sms;
    private final SmsOptIns optIns;
    private final ReplyEvents replies;
    private final Once once;
    private final AccountHealthAlarms health;
    private final Replies wording;
    private final Clock clock;
    private final Warnings warnings;

    /** @param optIns takes a number that texted START off the provider's own opt-out list */
    public ProcessFeedback(FeedbackIntake intake, CurrentRecords records, ContactOwners owners,
                           SmsSuppressionList suppressed, EndpointOwners endpoints, SmsReplies sms,
                           SmsOptIns optIns, ReplyEvents replies, Once once, AccountHealthAlarms health,
                           Replies wording, Clock clock, Warnings warnings) {
        this.intake = intake;
        this.records = records;
        this.owners = owners;
        this.suppressed = suppressed;
        this.endpoints = endpoints;
        this.sms = sms;
        this.optIns = optIns;
        this.replies = replies;
        this.once = once;
        this.health = health;
        this.wording = wording;
        this.clock = clock;
        this.warnings = warnings;
    }

    public Report process(List<Incoming> notifications) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean retry = false;
        for (Incoming incoming : notifications) {
            String kind = switch (incoming.notice()) {
                case FeedbackNotice.Events e -> {
                    retry |= ingest(e.events(), incoming.publishedAt());
                    yield e.kind();
                }
                case FeedbackNotice.EmailEvents e -> {
                    List<String> customers = e.customerId().map(List::of).orElseGet(() -> e.recipients().stream()
                            .flatMap(address -> owners.ownersOfEmail(address).stream()).distinct().toList());
                    if (customers.isEmpty()) yield e.kind() + ".unknown_recipient";
                    List<EngagementEvent> events = new ArrayList<>();
                    for (String customer : customers) events.addAll(e.eventsFor().apply(customer));
                    retry |= ingest(events, incoming.publishedAt());
                    yield e.kind();
                }
                case FeedbackNotice.UnknownMessage u -> u.kind() + ".unknown_message";
                case FeedbackNotice.Ignored i -> i.kind() + ".ignored";
                case FeedbackNotice.HealthAlarm a -> {
                    health.alarm(a.alarmName(), a.inAlarm(), a.at());
                    warnings.warn("account health: marketing email " + (a.inAlarm() ? "paused" : "resumed")
                            + " by " + a.alarmName());
                    yield a.inAlarm() ? "health.paused" : "health.resumed";
                }
                case FeedbackNotice.Unreadable u -> {
                    warnings.warn("unreadable feedback notification: " + u.reason());
                    yield "unreadable";
                }
                case FeedbackNotice.PushEndpoint p -> {
                    Optional<String> customer = endpoints.customerOf(p.endpointArn());
                    if (customer.isEmpty()) yield p.kind() + ".unknown_endpoint";
                    retry |= ingest(p.eventsFor().apply(customer.get()), incoming.publishedAt());
                    yield p.kind() + (p.disabled() ? ".disabled" : "");
                }
                case FeedbackNotice.InboundSms s -> {
                    SmsOutcome outcome = inbound(s, incoming.publishedAt());
                    retry |= outcome.retry();
                    yield "sms." + outcome.kind();
                }
            };
            counts.merge(kind, 1, Integer::sum);
        }
        return new Report(counts, retry);
    }

    /** @return whether some event must be retried */
    private boolean ingest(List<EngagementEvent> events, Instant publishedAt) {
        List<EngagementEvent> received = publishedAt == null ? events
                : events.stream().map(event -> event.receivedBy(publishedAt)).toList();
        return intake.applyNeedsRetry(received);
    }

    private record SmsOutcome(String kind, boolean retry) {
    }

    /** @param publishedAt when the topic published it: the time of the text when the payload has none */
    private SmsOutcome inbound(FeedbackNotice.InboundSms s, Instant publishedAt) {
        Instant at = s.at() != null ? s.at() : publishedAt != null ? publishedAt : clock.instant();
        List<String> customers = owners.ownersOfPhone(s.from());
        SmsKeywords.Intent intent = SmsKeywords.classify(s.body());
        String kind = intent.name().toLowerCase(Locale.ROOT) + (customers.isEmpty() ? ".unknown_sender" : "");
        switch (intent) {
            case STOP, START -> {
                boolean stop = intent == SmsKeywords.Intent.STOP;
                boolean alreadyThere = !customers.isEmpty() && customers.stream().allMatch(c -> marketingIs(c, !stop));
                List<EngagementEvent> events = new ArrayList<>();
                for (String customer : customers) {
                    String id = FeedbackEvents.id("sms", s.inboundMessageId(), intent.name(), customer);
                    events.add(FeedbackEvents.event(id + "-sub", customer, at,
                            new EventPayload.SmsSubscriptionChanged(stop ? SmsStatus.UNSUBSCRIBED : SmsStatus.SUBSCRIBED)));
                    events.add(FeedbackEvents.event(id + "-consent", customer, at,
                            new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, !stop, SMS_KEYWORD_SOURCE,
                                    SMS_KEYWORD_WORDING, Optional.of(s.inboundMessageId()), Optional.empty())));
                }
                if (ingest(events, publishedAt)) return new SmsOutcome(kind, true);
                if (!suppression(intent, customers, s.from(), at)) return new SmsOutcome(kind, true);
                // One confirmation at most: none when nothing changed, none on a replay.
                if (!alreadyThere && once.firstTime("confirm#" + s.inboundMessageId())) {
                    sms.send(s.from(), s.to(), stop ? wording.stopped() : wording.started());
                }
            }
            case HELP -> {
                if (once.firstTime("help#" + s.inboundMessageId())) sms.send(s.from(), s.to(), wording.help());
            }
            case REPLY -> {
                String key = "reply#" + s.inboundMessageId();
                if (!once.done(key)) {
                    replies.publish(new CustomerReplied(s.inboundMessageId(), customers, "sms", s.body(), at));
                    once.markDone(key);
                }
            }
        }
        return new SmsOutcome(kind, false);
    }

    /**
     * A STOP from a number no customer gave still stops every text to it (the suppression list the
     * SMS sender checks); a START from any number lifts it, and asks the provider to lift its own
     * opt-out of the number. Known numbers are handled through their customers' consent.
     *
     * @return false when the list could not be written now (the notification is retried)
     */
    private boolean suppression(SmsKeywords.Intent intent, List<String> customers, String from, Instant at) {
        try {
            if (intent == SmsKeywords.Intent.STOP && customers.isEmpty()) suppressed.suppressSms(from, at);
            if (intent == SmsKeywords.Intent.START) {
                suppressed.liftSmsSuppression(from);
                optIns.optIn(from); // before the confirmation, which the provider would refuse otherwise
            }
            return true;
        } catch (RuntimeException e) {
            warnings.warn("updating the SMS suppression list failed; will retry", e);
            return false;
        }
    }

    /** Whether the customer's SMS marketing consent already says {@code granted}. */
    private boolean marketingIs(String customerId, boolean granted) {
        return records.find(customerId).map(stored -> {
            Stamped<ConsentGrant> consent = stored.record().channel(Channel.SMS).consent().get(Purpose.MARKETING);
            return consent != null && consent.value().granted() == granted;
        }).orElse(false);
    }
}
