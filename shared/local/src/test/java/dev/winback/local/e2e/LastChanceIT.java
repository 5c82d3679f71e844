package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.mustache.MustacheMessageTemplates;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.delivery.TemplateComposer;
import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.links.KeepSubscribedComposer;
import dev.winback.core.links.SignedLinks;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.SunsetState;
import dev.winback.functions.links.PublicLinksHandler;
import dev.winback.functions.evaluate.EvaluateCustomersComposition;
import dev.winback.functions.ingest.IngestEventsComposition;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.lambda.SqsEvents;
import dev.winback.local.runtime.publish.InMemoryActionPublisher;
import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 16, on DynamoDB Local: the email sunset's last chance is a message with a
 * keep-me-subscribed button; the sunset waits for that message to go out plus the grace, and the
 * button (a scanner-safe signed link) lifts it.
 */
class LastChanceIT {

    private static final Instant DAY_0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final URI BASE = URI.create("https://links.example.com");
    private static final Pattern KEEP_LINK = Pattern.compile("https://links\\.example\\.com/k/([A-Za-z0-9_-]+)");

    private final IngestFixture fixture = IngestFixture.get();
    private final VirtualClock clock = new VirtualClock(DAY_0);
    private final EngagementTable table = new EngagementTable(fixture.config, fixture.clients, clock);
    private final Ingestion ingestion = new Ingestion(table, clock, fixture.writers);
    private final InMemoryActionPublisher bus = new InMemoryActionPublisher();
    private final InMemoryActionPublisher queue = new InMemoryActionPublisher();
    private final EvaluateDueCustomers evaluator = new EvaluateCustomersComposition(table,
            ingestion.evaluationPolicy(), Map.of(Destination.EVENT_BUS, bus, Destination.DELIVERY_QUEUE, queue), clock,
            fixture.writers).evaluate();
    private final LinkConfig linkConfig = LinkConfig.localDevelopment(BASE);
    private final SignedLinks links = new SignedLinks(BASE, linkConfig.tokens(), clock);
    private final List<OutboundMessage> emails = new ArrayList<>();
    private final DeliverMessages delivery = new MessageDelivery(table, ingestion, clock, HoldoutShares.NONE).deliverMessages(
            List.of(new CapturingEmail(emails)),
            new KeepSubscribedComposer(new TemplateComposer(MustacheMessageTemplates.shipped(), Optional.of(links),
                    new TemplateVariables.Brand("Demo Shop", URI.create("https://shop.example")), clock),
                    Optional.of(links), ingestion.evaluationPolicy().sunsets().lastChanceCampaigns()),
            DecisionPublisher.NONE);

    private static Instant day(double days) {
        return DAY_0.plus(Duration.ofSeconds(Math.round(days * 86_400)));
    }

    @Test
    void theLastChanceIsSentWithItsButton_andTheSunsetWaitsForItsSendPlusTheGrace() {
        String id = silentSubscriber("lc-sunset-");

        assertThat(fixture.records(List.of(id)).get(id).dueAt()).as("armed for the last chance").contains(day(180));
        evaluator.run(day(200));
        ActionRequest lastChance = lastChanceRequest(id);
        assertThat(lastChance.channelPlan()).containsExactly(Channel.EMAIL);
        assertThat(sunset(id)).isInstanceOf(SunsetState.LastChance.class);

        // The message leaves a day and a half late (held by caps, say): the grace runs from then.
        clock.set(day(201.5));
        assertThat(delivery.deliver(DeliveryRequest.of(lastChance, delivery.policy())).status())
                .contains(LedgerStatus.SENT);
        OutboundMessage email = emails.getLast();
        assertThat(email.content().html()).contains("Keep me subscribed").containsPattern(KEEP_LINK);
        assertThat(email.unsubscribeUrl()).isPresent();

        for (double d : new double[] {207, 215}) evaluator.run(day(d));
        assertThat(sunset(id)).as("14 days after the request, but not after the send").isInstanceOf(SunsetState.LastChance.class);
        evaluator.run(day(216));
        assertThat(sunset(id)).isEqualTo(new SunsetState.Sunset(day(200), day(215.5)));
    }

    @Test
    void theButton_getIsScannerSafe_postKeepsTheCustomerSubscribed() {
        String id = silentSubscriber("lc-keep-");
        evaluator.run(day(200));
        clock.set(day(200));
        delivery.deliver(DeliveryRequest.of(lastChanceRequest(id), delivery.policy()));
        Matcher link = KEEP_LINK.matcher(emails.getLast().content().text());
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        PublicLinksHandler api = new PublicLinksHandler(fixture.config, fixture.clients, linkConfig, clock);

        clock.set(day(203));
        long before = fixture.records(List.of(id)).get(id).version();
        for (int i = 0; i < 20; i++) {
            APIGatewayV2HTTPResponse page = api.handleRequest(
                    SignedLinkRequests.request("GET", "/k/{token}", token, null, null, false), null);
            assertThat(page.getStatusCode()).isEqualTo(200);
            assertThat(page.getBody()).contains("<form method=\"post\">").contains("Keep me subscribed");
        }
        assertThat(fixture.records(List.of(id)).get(id).version()).as("GET changes nothing").isEqualTo(before);

        APIGatewayV2HTTPResponse kept = api.handleRequest(SignedLinkRequests.request("POST", "/k/{token}", token,
                "application/x-www-form-urlencoded", "keep=yes", false), null);
        assertThat(kept.getStatusCode()).isEqualTo(200);
        assertThat(kept.getBody()).contains("You stay subscribed");
        assertThat(fixture.records(List.of(id)).get(id).record().channel(Channel.EMAIL).consent()
                .get(Purpose.MARKETING).value().source()).isEqualTo("last-chance");

        for (double d : new double[] {207, 216, 230}) evaluator.run(day(d));
        assertThat(sunset(id)).as("the button lifted the last chance").isEqualTo(SunsetState.ACTIVE);
    }

    /** Subscribed on day 0, ten weekly marketing emails since, never a click. */
    private String silentSubscriber(String prefix) {
        String id = prefix + Long.toString(System.nanoTime(), 36);
        List<String> bodies = new ArrayList<>();
        bodies.add(fixture.json(new EngagementEvent(id + "-profile", id, day(0), Optional.empty(),
                new EventPayload.ProfileUpdated(Optional.of(id + "@example.com"), Optional.empty(), Optional.empty(),
                        Optional.of("en-US"), Optional.empty(), Optional.empty()))));
        bodies.add(fixture.json(new EngagementEvent(id + "-sub", id, day(0), Optional.empty(),
                new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED))));
        bodies.add(fixture.json(new EngagementEvent(id + "-consent", id, day(0), Optional.empty(),
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1"))));
        for (int i = 0; i < 10; i++) {
            bodies.add(fixture.json(new EngagementEvent(id + "-sent-" + i, id, day(7 * i + 1), Optional.empty(),
                    new EventPayload.MessageSent(id + "-m-" + i, Channel.EMAIL, Optional.of(Purpose.MARKETING)))));
        }
        clock.set(day(70));
        // Through an ingest handler on this test's clock, so the timer is armed as it would have been then.
        assertThat(new IngestEventsHandler(new IngestEventsComposition(ingestion)).handleRequest(SqsEvents.batch(bodies, clock.instant()), null)
                .getBatchItemFailures()).isEmpty();
        return id;
    }

    private ActionRequest lastChanceRequest(String id) {
        List<ActionRequest> mine = queue.published().stream().filter(r -> r.customerId().equals(id))
                .filter(r -> r.campaignId().equals("email-last-chance")).toList();
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }

    private SunsetState sunset(String id) {
        return fixture.records(List.of(id)).get(id).record().evaluation().sunsets().state(Channel.EMAIL);
    }

    private record CapturingEmail(List<OutboundMessage> sent) implements ChannelSender {
        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            sent.add(message);
            return new SendResult.Accepted("ses-" + sent.size(), false);
        }
    }
}
