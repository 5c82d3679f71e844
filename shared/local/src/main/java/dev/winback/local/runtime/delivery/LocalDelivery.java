package dev.winback.local.runtime.delivery;

import dev.winback.adapters.http.WebhookSecret;
import dev.winback.adapters.http.WebhookSender;
import dev.winback.adapters.sns.SnsPushSender;
import dev.winback.adapters.config.ChannelsConfig;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.sns.SnsSmsSender;
import dev.winback.adapters.sqs.DeliveryQueueMessages;
import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.journey.MessageRequests;
import dev.winback.core.delivery.TemplateComposer;
import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.event.Channel;
import dev.winback.core.playbook.ActionRequest;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The delivery queue and its consumer in one process: each request the evaluator publishes is
 * delivered at once, through the same use case the deliver function runs. In-app messages go to the
 * inbox in the runtime's table, as in AWS, so {@code GET /v1/customers/{id}/inbox} serves them. SMS
 * and push go to the SNS emulator when one is configured ({@code WINBACK_MOTO_ENDPOINT}, or the SDK's
 * {@code AWS_ENDPOINT_URL_SNS} / {@code AWS_ENDPOINT_URL}); the messenger webhook to a receiver on
 * this machine when {@value ChannelsConfig#WEBHOOK_URL} names one (signed with {@value #WEBHOOK_SECRET},
 * or a fixed local secret); every other channel, and SMS and push without an emulator, to the
 * {@link LocalOutbox}.
 */
public final class LocalDelivery implements ActionPublisher, AutoCloseable {

    /** The local webhook's signing secret; local receivers only, so a fixed default will do. */
    public static final String WEBHOOK_SECRET = "WINBACK_LOCAL_WEBHOOK_SECRET";
    static final String DEFAULT_WEBHOOK_SECRET = "winback-local-webhook-secret";

    static final TemplateVariables.Brand LOCAL_BRAND =
            new TemplateVariables.Brand("Winback demo shop", URI.create("https://shop.example"));

    private final LocalOutbox outbox;
    private final DecisionTally tally = new DecisionTally();
    /** Who else hears the decisions, as subscribers to the bus's MessageDecision events would. */
    private final List<DecisionPublisher> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DeliverMessages delivery;
    private final DeliveryQueueMessages reader;
    private final Optional<SnsClient> sns;
    /** The customers of one batch of messages at once, as the deliver function takes a queue batch of 10. */
    private final ExecutorService batchThreads = WriterThreads.newPool(BATCH, "winback-local-deliver");
    private long requests;
    private long notMessages;

    /** The delivery queue's BatchSize in the template. */
    static final int BATCH = 10;

    /**
     * @param messages delivery over the runtime's table, as the deliver function composes it
     * @param inbox    the in-app channel, as deployed (the inbox in the runtime's table)
     */
    public LocalDelivery(MessageDelivery messages, ChannelSender inbox, Clock clock, Map<String, String> env) {
        if (inbox.channel() != Channel.IN_APP) throw new IllegalArgumentException("not an in-app sender: " + inbox.channel());
        this.outbox = new LocalOutbox(clock);
        this.sns = emulator(env).map(LocalDelivery::sns);
        List<ChannelSender> senders = new ArrayList<>();
        senders.add(inbox);
        sns.ifPresent(client -> {
            senders.add(new SnsSmsSender(client));
            senders.add(new SnsPushSender(client, "true".equalsIgnoreCase(env.get(ChannelsConfig.PUSH_RECEIPTS))));
        });
        webhook(env, clock).ifPresent(senders::add);
        Set<Object> emulated = new HashSet<>();
        senders.forEach(s -> emulated.add(s.channel()));
        outbox.senders().stream().filter(s -> !emulated.contains(s.channel())).forEach(senders::add);
        // The templates as deployed (stored sets, else the shipped ones); no signed links locally (only the outbox sees the mail).
        this.delivery = messages.deliverMessages(senders, new TemplateComposer(messages.templates(),
                Optional.empty(), LOCAL_BRAND, clock), (entry, decisions) -> {
                    tally.publish(entry, decisions);
                    listeners.forEach(listener -> listener.publish(entry, decisions));
                });
        this.reader = DeliveryQueueMessages.following(delivery.policies());
    }

    /** Where SNS is emulated, if anywhere. */
    static Optional<String> emulator(Map<String, String> env) {
        for (String name : List.of("WINBACK_MOTO_ENDPOINT", "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return Optional.of(value);
        }
        return Optional.empty();
    }

    /** The messenger webhook, when a receiver is configured: its refusals fall back as deployed. */
    static Optional<ChannelSender> webhook(Map<String, String> env, Clock clock) {
        String url = env.get(ChannelsConfig.WEBHOOK_URL);
        if (url == null || url.isBlank()) return Optional.empty();
        String secret = env.getOrDefault(WEBHOOK_SECRET, DEFAULT_WEBHOOK_SECRET);
        return Optional.of(new WebhookSender(URI.create(url), WebhookSecret.of(secret), clock, Duration.ofSeconds(2),
                Duration.ofSeconds(5), false, false));
    }

    private static SnsClient sns(String endpoint) {
        return SnsClient.builder().endpointOverride(URI.create(endpoint)).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public boolean emulated() {
        return sns.isPresent();
    }

    @Override
    public Set<String> publish(List<ActionRequest> published) {
        Set<String> accepted = new HashSet<>();
        List<Map.Entry<String, DeliveryRequest>> delivering = new ArrayList<>();
        for (ActionRequest action : published) {
            switch (reader.parse(RetentionActionRequestedJson.toDetail(action))) {
                case DeliveryQueueMessages.Parsed.Deliver deliver ->
                        delivering.add(Map.entry(action.idempotencyKey(), deliver.request()));
                case DeliveryQueueMessages.Parsed.NotAMessage ignored -> {
                    count(true);
                    accepted.add(action.idempotencyKey());
                }
                case DeliveryQueueMessages.Parsed.Invalid ignored -> {
                    accepted.add(action.idempotencyKey());
                    count(false);
                }
            }
        }
        // A request that must be retried stays unpublished: the evaluator's outbox publishes it again.
        accepted.addAll(deliverInBatches(delivering));
        return accepted;
    }

    /** Where journeys hand their messages: delivered at once, as the queue's consumer would. */
    public MessageRequests journeyMessages() {
        return this::deliverAll;
    }

    /** Journey messages, read as the deliver function reads the queue's {@code deliveryRequest} bodies. */
    private Set<MessageKey> deliverAll(List<DeliveryRequest> requests) {
        Set<MessageKey> accepted = new HashSet<>();
        List<Map.Entry<MessageKey, DeliveryRequest>> delivering = new ArrayList<>();
        for (DeliveryRequest request : requests) {
            switch (reader.parse(DeliveryQueueMessages.body(request))) {
                case DeliveryQueueMessages.Parsed.Deliver deliver -> delivering.add(Map.entry(request.key(), deliver.request()));
                case DeliveryQueueMessages.Parsed.NotAMessage ignored -> {
                    accepted.add(request.key());
                    count(false);
                }
                case DeliveryQueueMessages.Parsed.Invalid invalid ->
                        throw new IllegalStateException("a journey message delivery cannot read: " + invalid.reason());
            }
        }
        accepted.addAll(deliverInBatches(delivering));
        return accepted;
    }

    /** Delivers in batches of {@link #BATCH} as the deliver function does; the ids of what is done. */
    private <K> Set<K> deliverInBatches(List<Map.Entry<K, DeliveryRequest>> delivering) {
        Set<K> done = new HashSet<>();
        for (int from = 0; from < delivering.size(); from += BATCH) {
            List<Map.Entry<K, DeliveryRequest>> batch = delivering.subList(from, Math.min(delivering.size(), from + BATCH));
            List<DeliverMessages.Result> results = delivery.deliverAll(batch.stream().map(Map.Entry::getValue).toList(),
                    batchThreads);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).outcome() == DeliverMessages.Outcome.DONE) done.add(batch.get(i).getKey());
                count(false);
            }
        }
        return done;
    }

    private synchronized void count(boolean notMessage) {
        requests++;
        if (notMessage) notMessages++;
    }

    public DeliverMessages delivery() {
        return delivery;
    }

    public LocalOutbox outbox() {
        return outbox;
    }

    /** Hears every decision published from now on, after the tally. */
    public void listen(DecisionPublisher listener) {
        listeners.add(listener);
    }

    public DecisionTally tally() {
        return tally;
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized long notMessages() {
        return notMessages;
    }

    @Override
    public void close() {
        batchThreads.shutdown();
        sns.ifPresent(SnsClient::close);
    }
}
