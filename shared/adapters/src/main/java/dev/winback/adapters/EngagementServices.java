package dev.winback.adapters;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.dynamodb.ContactIndex;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbCustomerSample;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.dynamodb.AccountHealthPauses;
import dev.winback.core.delivery.RecordSend;
import dev.winback.adapters.phone.PhoneNumberTimeZones;
import dev.winback.adapters.dynamodb.SuppressedNumbers;
import dev.winback.adapters.dynamodb.AccountHealth;
import dev.winback.adapters.dynamodb.DynamoDbEvaluationStore;
import dev.winback.adapters.dynamodb.DynamoDbMessageLedger;
import dev.winback.adapters.dynamodb.DynamoDbPurchaseModels;
import dev.winback.adapters.dynamodb.SentCopies;
import dev.winback.core.ingest.EventIntake;
import dev.winback.adapters.dynamodb.RejectedEvents;
import dev.winback.adapters.json.JsonEventFormat;
import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.core.delivery.ChannelPlans;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.MessageLedger;
import dev.winback.core.delivery.MessageReceipts;
import dev.winback.core.delivery.PlaybookPlans;
import dev.winback.core.event.Channel;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.evaluation.Evaluator;
import dev.winback.core.fit.FitPurchaseModel;
import dev.winback.core.ingest.IngestEvents;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.model.FitSettings;
import dev.winback.core.model.PurchaseModelType;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The object graph every function shares, built once per execution environment. */
public final class EngagementServices {

    /**
     * Applies the customers of a batch concurrently: each is one read-modify-write round trip, so a
     * batch is bound by latency, not CPU. Daemon threads, shared by every handler in the process.
     */
    private static final ExecutorService WRITERS = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "winback-writer");
        thread.setDaemon(true);
        return thread;
    });

    /** The fitted model changes once a day; readers look for a new one this often. */
    static final Duration MODEL_REFRESH = Duration.ofMinutes(15);
    /** Marketing email checks the account-health flag this often at most. */
    static final Duration ACCOUNT_HEALTH_REFRESH = Duration.ofMinutes(1);
    /** Parallel Scan segments when sampling the base for the daily fit. */
    static final int SAMPLE_SEGMENTS = 4;

    private final CapacityMeter meter = new CapacityMeter();
    private final DynamoDbEngagementStore store;
    private final DynamoDbEvaluationStore evaluationStore;
    private final DynamoDbPurchaseModels purchaseModels;
    private final DynamoDbCustomerSample customerSample;
    private final EvaluationPolicy evaluationPolicy;
    private final EventIntake intake;
    private final KeyMaterial keys;
    private final ContactIndex contacts;
    private final DynamoDbMessageLedger messageLedger;
    private final IngestEvents ingestEvents;
    private final DeliveryPolicy deliveryPolicy;
    private final Clock clock;

    /**
     * Keys from the secret {@code WINBACK_LINK_SECRET_ARN} names (read on first use), or the local
     * development secret where the environment names none (the local runtime, tests, benchmarks).
     */
    public EngagementServices(WinbackConfig config, AwsClients clients, Clock clock) {
        this(config, clients, clock, LinkConfig.keysFromEnvironment(System.getenv(), clients));
    }

    public EngagementServices(WinbackConfig config, AwsClients clients, Clock clock, KeyMaterial keys) {
        this.keys = keys;
        this.contacts = new ContactIndex(clients.dynamoDb(), config.tableName(), new ContactHashes(keys), meter);
        this.store = new DynamoDbEngagementStore(clients.dynamoDb(), config.tableName(), meter, contacts);
        this.evaluationStore = new DynamoDbEvaluationStore(clients.dynamoDb(), config.tableName(), meter, store);
        this.purchaseModels = new DynamoDbPurchaseModels(clients.dynamoDb(), config.tableName(), meter, clock,
                MODEL_REFRESH);
        this.customerSample = new DynamoDbCustomerSample(clients.dynamoDb(), config.tableName(), meter,
                SAMPLE_SEGMENTS, WRITERS);
        this.evaluationPolicy = EvaluationPolicy.defaults(new PlaybookLoader().shipped());
        this.messageLedger = new DynamoDbMessageLedger(clients.dynamoDb(), config.tableName(), meter);
        this.clock = clock;
        this.deliveryPolicy = DeliveryPolicy.defaults()
                .withPlans(PlaybookPlans.of(evaluationPolicy.playbook(), ChannelPlans.DEFAULT))
                .withZoneGuess(new PhoneNumberTimeZones());
        // Ingestion arms each record's evaluation timer with the evaluator's own rules and model, and
        // marks Winback's messages when their receipts arrive (ending the wait for a fallback).
        this.ingestEvents = new IngestEvents(store, WRITERS, clock,
                (record, now) -> Evaluator.dueAt(record, now, evaluationPolicy, purchaseModels.current()),
                new MessageReceipts(messageLedger, DecisionPublisher.NONE, clock),
                dev.winback.adapters.config.IngestConfig.arrivalWindow(System.getenv()),
                new JulWarnings(IngestEvents.class));
        this.intake = new EventIntake(ingestEvents, new JsonEventFormat(),
                new RejectedEvents(clients.dynamoDb(), config.tableName()), new JulWarnings(EventIntake.class), clock,
                contacts::withoutErasedContacts);
    }

    /** The deployment secret's derived keys (links, contact hashes). */
    public KeyMaterial keys() {
        return keys;
    }

    /** Contact addresses by keyed hash: owners and erasure tombstones. */
    public ContactIndex contacts() {
        return contacts;
    }

    public DynamoDbEngagementStore store() {
        return store;
    }

    public EventIntake intake() {
        return intake;
    }

    public CapacityMeter meter() {
        return meter;
    }

    public DynamoDbEvaluationStore evaluationStore() {
        return evaluationStore;
    }

    public DynamoDbPurchaseModels purchaseModels() {
        return purchaseModels;
    }

    public EvaluationPolicy evaluationPolicy() {
        return evaluationPolicy;
    }

    /** The scheduled evaluation, publishing through {@code publishers}. */
    public EvaluateDueCustomers evaluateDueCustomers(Map<Destination, ActionPublisher> publishers) {
        return new EvaluateDueCustomers(evaluationStore, evaluationStore, publishers, evaluationPolicy, purchaseModels,
                WRITERS, new JulWarnings(EvaluateDueCustomers.class));
    }

    public DynamoDbMessageLedger messageLedger() {
        return messageLedger;
    }

    public DeliveryPolicy deliveryPolicy() {
        return deliveryPolicy;
    }

    /**
     * Message delivery through these senders. Each send is recorded in the engagement record at once
     * (a message_sent event through ingestion), so caps and sunsets see it on the next message. Every
     * sender keeps a copy of what it sends for the customer's export ({@link SentCopies}), and no SMS
     * goes to a number on the suppression list ({@link SuppressedNumbers}), whoever composed the senders.
     */
    public DeliverMessages deliverMessages(List<ChannelSender> senders, MessageComposer composer,
                                           DecisionPublisher decisions) {
        return deliverMessages(senders, composer, decisions, messageLedger);
    }

    /** Message delivery on the given ledger (tests wrap the table's to step in between its writes). */
    public DeliverMessages deliverMessages(List<ChannelSender> senders, MessageComposer composer,
                                           DecisionPublisher decisions, MessageLedger ledger) {
        List<ChannelSender> guarded = senders.stream()
                .map(sender -> SentCopies.around(sender, store.dynamoDb(), store.table(), clock, meter))
                .map(sender -> sender.channel() == Channel.SMS ? new SuppressedNumbers(sender, contacts) : sender)
                .toList();
        return new DeliverMessages(store, ledger, guarded, composer, new RecordSend(ingestEvents, new JulWarnings(RecordSend.class)),
                decisions, deliveryPolicy, new AccountHealthPauses(new AccountHealth(store.dynamoDb(), store.table()),
                clock, ACCOUNT_HEALTH_REFRESH), clock, new JulWarnings(DeliverMessages.class));
    }

    /** The daily fit of the purchase model on a sample of the base. */
    public FitPurchaseModel fitPurchaseModel() {
        return new FitPurchaseModel(customerSample, purchaseModels, PurchaseModelType.BG_NBD, FitSettings.defaults());
    }
}
