package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.core.event.Channel;
import dev.winback.core.feedback.CustomerReplied;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.functions.feedback.FeedbackComposition;
import dev.winback.functions.feedback.ProcessFeedbackHandler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback function on the raw notification fixtures in events/ (SES configuration-set events,
 * SNS push events, inbound SMS, each in its SNS envelope), against DynamoDB Local: each produces its
 * documented state change, and delivering the same notification again changes nothing.
 */
class FeedbackIT {

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final String FIXTURE_CUSTOMER = "c-fb-0001";
    private static final String FIXTURE_PHONE = "+15550100999";
    private static final String FIXTURE_EMAIL = "ana.canary@example.com";
    private static final String FIXTURE_ENDPOINT =
            "arn:aws:sns:eu-west-1:123456789012:endpoint/GCM/winback-app/5c3b2f1e-0000-4a4b-9c9d-000000000001";

    private final IngestFixture fixture = IngestFixture.get();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private final List<String> texts = new ArrayList<>();
    private final List<CustomerReplied> replies = new ArrayList<>();
    private final Map<String, String> endpointOwners = new java.util.HashMap<>();
    private final ProcessFeedbackHandler handler = new ProcessFeedbackHandler(new FeedbackComposition(fixture.table, fixture.ingestion,
            arn -> Optional.ofNullable(endpointOwners.get(arn)), (to, from, text) -> texts.add(text), replies::add,
            new DynamoDbOnce(fixture.clients.dynamoDb(), fixture.config.tableName(), clock), clock));

    @Test
    void permanentBounce_makesEmailUnreachable() {
        String c = customer();
        EngagementRecord r = deliverTwice("sns-ses-bounce-permanent.json", c, null);
        assertThat(r.channel(Channel.EMAIL).reachability().value()).isEqualTo(Reachability.UNREACHABLE);
    }

    @Test
    void transientBounces_areCounted_andDegradeTheChannelAfterRepeats() {
        String c = customer();
        EngagementRecord once = deliverTwice("sns-ses-bounce-transient.json", c, null);
        assertThat(once.channel(Channel.EMAIL).failuresSinceDelivery()).hasSize(1);
        assertThat(once.channel(Channel.EMAIL).degraded()).isFalse();
        assertThat(once.channel(Channel.EMAIL).reachability().value()).isEqualTo(Reachability.REACHABLE);

        for (int i = 2; i <= 3; i++) {
            String repeat = message("sns-ses-bounce-transient.json", c).replace("0102017f-bounce-soft-0001",
                    "0102017f-bounce-soft-000" + i).replace("2026-11-20T10:00:02.000Z", "2026-11-2" + i + "T10:00:02.000Z");
            handle(repeat);
        }
        assertThat(record(c).record().channel(Channel.EMAIL).degraded()).isTrue();
    }

    @Test
    void complaint_withdrawsEmailMarketing_andIsAStrongSignal() {
        String c = customer();
        EngagementRecord r = deliverTwice("sns-ses-complaint.json", c, null);
        ChannelState email = r.channel(Channel.EMAIL);
        assertThat(email.subscription().value()).isEqualTo(SubscriptionStatus.COMPLAINED);
        assertThat(email.consent().get(Purpose.MARKETING).value().granted()).isFalse();
        assertThat(email.consent().get(Purpose.MARKETING).value().source()).isEqualTo("complaint");
    }

    @Test
    void delivery_open_click_areReceiptsForTheMessage() {
        String c = customer();
        assertThat(deliverTwice("sns-ses-delivery.json", c, null).channel(Channel.EMAIL).lastDelivered())
                .isEqualTo(Instant.parse("2026-11-20T10:00:01.500Z"));
        assertThat(deliverTwice("sns-ses-open.json", c, null).channel(Channel.EMAIL).opens()).isEqualTo(1);
        EngagementRecord clicked = deliverTwice("sns-ses-click.json", c, null);
        assertThat(clicked.channel(Channel.EMAIL).clicks()).isEqualTo(1);
        assertThat(clicked.channel(Channel.EMAIL).lastClicked()).isEqualTo(Instant.parse("2026-11-20T12:01:00Z"));
    }

    @Test
    void rejectAndRenderingFailure_recordTheMessageAsFailed_withoutTouchingReachability() {
        String c = customer();
        EngagementRecord rejected = deliverTwice("sns-ses-reject.json", c, null);
        assertThat(rejected.recent()).anySatisfy(e -> assertThat(e.detail()).isEqualTo("email rejected"));
        EngagementRecord failed = deliverTwice("sns-ses-rendering-failure.json", c, null);
        assertThat(failed.recent()).anySatisfy(e -> assertThat(e.detail()).isEqualTo("email rendering_failed"));
        assertThat(failed.channel(Channel.EMAIL).reachability().value()).isEqualTo(Reachability.REACHABLE);
    }

    @Test
    void notificationsForUnknownMessagesOrRecipients_changeNothingAndDoNotFail() {
        SNSEvent event = Fixtures.load("sns-ses-delivery-unknown-message.json", SNSEvent.class);
        assertThat(handler.handleRequest(event, null)).containsEntry("ses.delivery.unknown_message", 1);
        String nobody = Fixtures.load("sns-ses-bounce-permanent.json", SNSEvent.class).getRecords().getFirst()
                .getSNS().getMessage().replace(FIXTURE_EMAIL, "nobody-known@example.org");
        SNSEvent unknownRecipient = new SNSEvent();
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        SNSEvent.SNS sns = new SNSEvent.SNS();
        sns.setMessage(nobody);
        record.setSns(sns);
        unknownRecipient.setRecords(List.of(record));
        assertThat(handler.handleRequest(unknownRecipient, null)).containsEntry("ses.bounce.unknown_recipient", 1);
    }

    @Test
    void disabledPushEndpoint_makesPushUnreachable_andIsAProbableUninstallUntilTheAppReportsAnInstall() {
        String c = customer();
        endpointOwners.put(FIXTURE_ENDPOINT, c);
        EngagementRecord r = deliverTwice("sns-push-endpoint-updated.json", c, null);
        assertThat(r.channel(Channel.PUSH).reachability().value()).isEqualTo(Reachability.UNREACHABLE);
        assertThat(r.install().installed().value()).isFalse();

        EngagementRecord failure = deliverTwice("sns-push-delivery-failure.json", c, null);
        assertThat(failure.channel(Channel.PUSH).reachability().value()).isEqualTo(Reachability.UNREACHABLE);

        ingest(new EngagementEvent(c + "-reinstall", c, Instant.parse("2026-11-20T18:00:00Z"), Optional.of(Platform.APP),
                new EventPayload.AppInstalled()));
        assertThat(record(c).record().install().installed().value()).as("a later install wins").isTrue();
    }

    @Test
    void smsStop_andPlainLanguageRevocations_withdrawSmsMarketing_withOneConfirmationAtMost() {
        for (String fixtureName : List.of("sns-sms-inbound-stop.json", "sns-sms-inbound-stop-plain-language.json")) {
            String c = customer();
            String phone = phoneOf(c);
            texts.clear();
            EngagementRecord r = deliverTwice(fixtureName, c, phone);
            ChannelState sms = r.channel(Channel.SMS);
            assertThat(sms.subscription().value()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
            assertThat(sms.consent().get(Purpose.MARKETING).value().granted()).isFalse();
            assertThat(sms.consent().get(Purpose.MARKETING).value().source()).isEqualTo("sms-keyword");
            assertThat(texts).as(fixtureName).hasSize(1);
        }
    }

    @Test
    void smsStart_reOptsIn_help_answers_andOtherRepliesGoToTheBus() {
        String c = customer();
        String phone = phoneOf(c);
        deliverTwice("sns-sms-inbound-stop.json", c, phone);
        texts.clear();
        EngagementRecord started = deliverTwice("sns-sms-inbound-start.json", c, phone);
        assertThat(started.channel(Channel.SMS).consent().get(Purpose.MARKETING).value().granted()).isTrue();
        assertThat(texts).hasSize(1);

        texts.clear();
        deliverTwice("sns-sms-inbound-help.json", c, phone);
        assertThat(texts).hasSize(1).allSatisfy(t -> assertThat(t).contains("STOP"));

        deliverTwice("sns-sms-inbound-reply.json", c, phone);
        assertThat(replies).hasSize(1);
        assertThat(replies.getFirst().customerIds()).containsExactly(c);
        assertThat(replies.getFirst().text()).isEqualTo("Is my order on its way?");
    }

    @Test
    void healthAlarm_pausesMarketingEmail_andItsOkStateResumesIt() {
        var health = new dev.winback.adapters.dynamodb.AccountHealth(fixture.clients.dynamoDb(), fixture.config.tableName());
        String alarm = Fixtures.load("sns-cloudwatch-alarm-bounce-rate.json", SNSEvent.class).getRecords().getFirst()
                .getSNS().getMessage();
        handle(alarm);
        assertThat(health.marketingEmailPaused()).isTrue();
        handle(alarm.replace("\"NewStateValue\": \"ALARM\"", "\"NewStateValue\": \"OK\"")
                .replace("2026-11-20T10:00:00.000+0000", "2026-11-20T16:00:00.000+0000"));
        assertThat(health.marketingEmailPaused()).isFalse();
        handle(alarm);
        assertThat(health.marketingEmailPaused()).as("an older ALARM replayed does not pause again").isFalse();
    }

    /** Delivers the fixture (rewritten for this test's customer and phone) twice: the second changes nothing. */
    private EngagementRecord deliverTwice(String fixtureName, String customer, String phone) {
        String message = message(fixtureName, customer);
        if (phone != null) {
            message = message.replace(FIXTURE_PHONE, phone).replace("inbound-", "inbound-" + customer + "-");
        }
        org.joda.time.DateTime published0 = Fixtures.load(fixtureName, SNSEvent.class).getRecords().getFirst()
                .getSNS().getTimestamp();
        handle(message, published0);
        StoredRecord first = record(customer);
        int sent = texts.size();
        int published = replies.size();
        handle(message, published0);
        StoredRecord second = record(customer);
        assertThat(second.version()).as(fixtureName + " replayed").isEqualTo(first.version());
        assertThat(texts).as("no second text on replay").hasSize(sent);
        assertThat(replies).as("no second reply event on replay").hasSize(published);
        return second.record();
    }

    private void handle(String message) {
        handle(message, null);
    }

    private void handle(String message, org.joda.time.DateTime published) {
        SNSEvent event = new SNSEvent();
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        SNSEvent.SNS sns = new SNSEvent.SNS();
        sns.setMessage(message);
        sns.setTimestamp(published);
        record.setSns(sns);
        event.setRecords(List.of(record));
        handler.handleRequest(event, null);
    }

    /** The fixture's message for this test's customer: their id in the tag, their address as recipient. */
    private static String message(String fixtureName, String customer) {
        return Fixtures.load(fixtureName, SNSEvent.class).getRecords().getFirst().getSNS().getMessage()
                .replace(FIXTURE_CUSTOMER, customer).replace(FIXTURE_EMAIL, customer + "@example.net");
    }

    /** A customer with a reachable, consenting email and a phone that texts in. */
    private String customer() {
        String c = "c-fb-it-" + CUSTOMERS.incrementAndGet();
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        ingest(new EngagementEvent(c + "-profile", c, at, Optional.empty(), new EventPayload.ProfileUpdated(
                Optional.of(c + "@example.net"), Optional.of(phoneOf(c)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("endpoint-" + c))));
        ingest(new EngagementEvent(c + "-email", c, at, Optional.empty(), new EventPayload.ConsentChanged(Channel.EMAIL,
                Purpose.MARKETING, true, "signup", "v1")));
        ingest(new EngagementEvent(c + "-sms", c, at, Optional.empty(), new EventPayload.ConsentChanged(Channel.SMS,
                Purpose.MARKETING, true, "signup", "v1")));
        ingest(new EngagementEvent(c + "-install", c, at, Optional.of(Platform.APP), new EventPayload.AppInstalled()));
        return c;
    }

    private static String phoneOf(String customer) {
        return "+1555" + String.format("%07d", Math.abs(customer.hashCode()) % 10_000_000);
    }

    private void ingest(EngagementEvent event) {
        assertThat(fixture.sendBodies(List.of(fixture.json(event)))).isEmpty();
    }

    private StoredRecord record(String customer) {
        return fixture.records(List.of(customer)).get(customer);
    }
}
