package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.sns.SnsPushSender;
import dev.winback.adapters.sns.SnsSmsSender;
import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageLedger;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.adapters.sqs.DeliveryQueueMessages;
import dev.winback.functions.deliver.DeliverMessagesHandler;
import dev.winback.functions.deliver.DeliveryComposition;
import dev.winback.functions.deliver.ResumeDueMessagesHandler;
import dev.winback.functions.ingest.IngestEventsComposition;
import dev.winback.functions.ingest.IngestEventsHandler;
import dev.winback.local.runtime.clock.VirtualClock;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The delivery path as deployed, on the shared DynamoDB Local and the moto SNS: the real ingest,
 * deliver and resume handlers on one virtual clock, the real SNS senders.
 */
final class DeliveryFixture {

    private static final AtomicLong IDS = new AtomicLong();

    final VirtualClock clock;
    final EngagementTable table;
    final Ingestion ingestion;
    final DeliverMessages delivery;
    final IngestEventsHandler ingest;
    final DeliverMessagesHandler deliver;
    final ResumeDueMessagesHandler resume;
    private final EventJsonWriter writer = new EventJsonWriter();

    /** SMS and push through SNS; push without delivery receipts (the default). */
    DeliveryFixture(Instant start, SnsClient sns) {
        this(start, sns, false);
    }

    DeliveryFixture(Instant start, SnsClient sns, boolean pushReceipts) {
        this(start, List.of(new SnsSmsSender(sns), new SnsPushSender(sns, pushReceipts)), UnaryOperator.identity());
    }

    /** Without holdouts: the tests on this fixture are about sending, and expect every customer treated. */
    DeliveryFixture(Instant start, List<ChannelSender> senders, UnaryOperator<MessageLedger> ledger) {
        this(start, senders, ledger, HoldoutShares.NONE);
    }

    /**
     * @param ledger   wraps the table's ledger (to step in between its writes)
     * @param holdouts the shares withheld for measurement, under the shared table's holdout key
     */
    DeliveryFixture(Instant start, List<ChannelSender> senders, UnaryOperator<MessageLedger> ledger,
                    HoldoutShares holdouts) {
        IngestFixture shared = IngestFixture.get();
        clock = new VirtualClock(start);
        table = new EngagementTable(shared.config, shared.clients, clock);
        ingestion = new Ingestion(table, clock, shared.writers);
        delivery = new MessageDelivery(table, ingestion, clock, holdouts).deliverMessages(senders, new TestComposer(),
                DecisionPublisher.NONE, ledger.apply(table.messageLedger()));
        DeliveryComposition composition = new DeliveryComposition(delivery);
        ingest = new IngestEventsHandler(new IngestEventsComposition(ingestion));
        deliver = new DeliverMessagesHandler(composition);
        resume = new ResumeDueMessagesHandler(composition);
    }

    /** Events through the real ingest handler, as one SQS batch. */
    void ingest(List<EngagementEvent> events) {
        SQSBatchResponse response = ingest.handleRequest(sqs(events.stream().map(writer::toJson).toList()), null);
        if (!response.getBatchItemFailures().isEmpty()) throw new IllegalStateException("ingest asked for retries");
    }

    EngagementEvent event(String customerId, EventPayload payload) {
        return new EngagementEvent("t-" + IDS.incrementAndGet(), customerId, clock.instant(), Optional.empty(), payload);
    }

    /** A customer reachable by push (at this endpoint) and SMS, with marketing consent on both. */
    void customer(String customerId, String pushEndpoint, String zone) {
        ingest(List.of(
                event(customerId, new EventPayload.ProfileUpdated(Optional.empty(), Optional.of("+15550100123"),
                        Optional.of(zone), Optional.of("en-US"), Optional.empty(), Optional.of(pushEndpoint))),
                event(customerId, new EventPayload.PushPermissionChanged(true)),
                event(customerId, new EventPayload.ConsentChanged(Channel.PUSH, Purpose.MARKETING, true, "app", "v1")),
                event(customerId, new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, true, "web", "v1"))));
    }

    DeliveryRequest request(String customerId, String slot, Purpose purpose, List<Channel> plan) {
        Instant now = clock.instant();
        return new DeliveryRequest(customerId, "lapsed-any-channel", "lapsed-any-channel", slot, purpose,
                MessageCategory.REMINDERS, plan, now, now.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of());
    }

    /** Requests through the real deliver handler, as one SQS batch; returns the ids to retry. */
    List<String> deliver(List<DeliveryRequest> requests) {
        SQSBatchResponse response = deliver.handleRequest(
                sqs(requests.stream().map(DeliveryQueueMessages::body).toList()), null);
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    /** Like {@link #deliver}, also telling each queue message id's position in the batch. */
    List<String> deliverWithIds(List<DeliveryRequest> requests, Map<String, Integer> positions) {
        SQSEvent event = sqs(requests.stream().map(DeliveryQueueMessages::body).toList());
        for (int i = 0; i < event.getRecords().size(); i++) positions.put(event.getRecords().get(i).getMessageId(), i);
        SQSBatchResponse response = deliver.handleRequest(event, null);
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    Map<String, Object> tick() {
        return resume.handleRequest(null, null);
    }

    LedgerEntry entry(DeliveryRequest request) {
        return table.messageLedger().find(request.key()).orElseThrow();
    }

    private static SQSEvent sqs(List<String> bodies) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("q-" + IDS.incrementAndGet());
            message.setBody(body);
            message.setEventSource("aws:sqs");
            messages.add(message);
        }
        event.setRecords(messages);
        return event;
    }
}
