package dev.winback.functions.deliver;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.ChannelSenders;
import dev.winback.adapters.config.ChannelsConfig;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.HoldoutConfig;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.PrimingSample;
import dev.winback.adapters.config.Policies;
import dev.winback.adapters.config.TemplateSets;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.eventbridge.EventBridgeDecisionPublisher;
import dev.winback.adapters.observe.Observed;
import dev.winback.adapters.sns.SnsPushSender;
import dev.winback.adapters.sns.SnsSmsSender;
import dev.winback.adapters.sqs.DeliveryBatch;
import dev.winback.adapters.sqs.DeliveryQueueMessages;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.CountedDecisions;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.TemplateComposer;
import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.delivery.UnsubscribeLinks;
import dev.winback.core.links.KeepSubscribedComposer;
import dev.winback.core.links.SignedLinks;
import dev.winback.core.ingest.StoredEventsListener;
import dev.winback.core.settings.CurrentPolicies;
import dev.winback.core.sunset.SunsetPolicies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the delivery function's two handlers need: the delivery use case, and the batch of queue
 * messages it delivers customer by customer on threads of its own.
 */
public final class DeliveryComposition {

    /** Threads delivering the customers of one queue batch (BatchSize 10 in the template): all of them at once. */
    static final int SENDER_THREADS = 10;
    /** A shipped marketing campaign with an email template: its render signs the one-click link. */
    static final String PRIMING_CAMPAIGN = "lapsed-any-channel";

    private final DeliverMessages delivery;
    private final DeliveryBatch batch;
    private final Observed observed;

    /** For the local runtime, benchmarks and tests, which compose delivery with their own senders. */
    public DeliveryComposition(DeliverMessages delivery) {
        this(delivery, Observed.fromEnvironment(System.getenv()));
    }

    /** @param observed where the invocations' logs and counts go; {@code delivery}'s decisions are counted into it */
    public DeliveryComposition(DeliverMessages delivery, Observed observed) {
        this.delivery = delivery;
        this.observed = observed;
        this.batch = new DeliveryBatch(delivery, DeliveryQueueMessages.following(delivery.policies()),
                WriterThreads.newPool(SENDER_THREADS, "winback-deliver"));
    }

    /**
     * As deployed: the configured senders, the operators' templates with signed links, decisions to the
     * event bus, the configured holdouts, the system clock, and a writer pool of its own for the sends
     * it records.
     */
    public static DeliveryComposition fromEnvironment() {
        Map<String, String> env = System.getenv();
        WinbackConfig config = WinbackConfig.fromEnvironment(env);
        ChannelsConfig channels = ChannelsConfig.fromEnvironment(env);
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        EngagementTable table = new EngagementTable(config, clients, clock, ElapsedTime.SYSTEM);
        CurrentPolicies policies = new Policies(table).current();
        Ingestion ingestion = new Ingestion(table, policies, clock, WriterThreads.newPool(), StoredEventsListener.NONE);
        MessageDelivery delivery = new MessageDelivery(table, ingestion, policies, HoldoutConfig.fromEnvironment(env), clock,
                TemplateSets.REFRESH);
        Observed observed = Observed.fromEnvironment(env);
        MessageComposer composer = composer(delivery.templates(), channels, LinkConfig.fromEnvironment(env, clients), clock);
        DeliveryComposition composition = new DeliveryComposition(delivery.deliverMessages(
                senders(channels, table, clock), composer,
                new CountedDecisions(new EventBridgeDecisionPublisher(clients.eventBridge(), config.eventBusName()),
                        observed.metrics())), observed);
        SnapStartPriming.register("deliver-messages", () -> composition.prime(ingestion, composer, clock));
        return composition;
    }

    /**
     * Before a SnapStart snapshot: the ingestion's priming; a marketing email request to the customer
     * no one is, read from its queue body as the batch reads it; the ledger's read of its message key
     * (no one's) and of the due shard one past the last; and its shipped template rendered with signed
     * links by {@code composer} (a dry run). Nothing is claimed, sent, recorded or published, and no
     * sender is called, so no SES or SNS connection is in the snapshot.
     */
    public void prime(Ingestion ingestion, MessageComposer composer, Clock clock) {
        ingestion.prime();
        Instant now = clock.instant();
        DeliveryRequest request = new DeliveryRequest(EngagementTable.PRIMING_CUSTOMER, PRIMING_CAMPAIGN,
                "snapstart-priming", "snapstart-priming", Purpose.MARKETING, MessageCategory.PROMOTIONS,
                List.of(Channel.EMAIL), now, now.plus(Duration.ofDays(1)), Duration.ofHours(4), Map.of());
        DeliveryQueueMessages.following(delivery.policies()).parse(DeliveryQueueMessages.body(request));
        delivery.resume(request.key());
        delivery.resumeDue(delivery.shards());
        composer.compose(request, Channel.EMAIL, "priming@snapstart.invalid", "snapstart-priming",
                PrimingSample.applied().record());
    }

    public DeliverMessages delivery() {
        return delivery;
    }

    /** The delivery queue's messages, parsed and delivered. */
    public DeliveryBatch batch() {
        return batch;
    }

    public Observed observed() {
        return observed;
    }


    /**
     * SMS and push through SNS, and the configured channels (email, messengers, in-app). A channel
     * without a sender is skipped with reason no_sender, and the plan moves on.
     */
    private static List<ChannelSender> senders(ChannelsConfig channels, EngagementTable table, Clock clock) {
        AwsClients clients = table.clients();
        List<ChannelSender> senders = new ArrayList<>(
                ChannelSenders.of(channels, table.tableName(), clients, table.meter(), clock).values());
        senders.add(new SnsSmsSender(clients.sns()));
        senders.add(new SnsPushSender(clients.sns(), channels.pushReceipts()));
        return senders;
    }

    /**
     * The templates (each campaign's active stored set, else the shipped one), and the signed
     * one-click and preference links on the HTTP API's URL (without a base URL there are none, and
     * marketing email is refused for want of its link).
     */
    private static MessageComposer composer(MessageTemplates templates, ChannelsConfig channels, LinkConfig links,
                                            Clock clock) {
        return composer(templates, channels.brand(), links, clock);
    }

    /** The composer as deployed, for the benchmarks: rendering from {@code templates}, with signed links. */
    public static MessageComposer composer(MessageTemplates templates, TemplateVariables.Brand brand, LinkConfig links,
                                           Clock clock) {
        Optional<SignedLinks> signed = links.baseUrl().map(base -> links.links(clock));
        return new KeepSubscribedComposer(new TemplateComposer(templates,
                signed.map(UnsubscribeLinks.class::cast), brand, clock), signed,
                SunsetPolicies.defaults().lastChanceCampaigns());
    }
}
