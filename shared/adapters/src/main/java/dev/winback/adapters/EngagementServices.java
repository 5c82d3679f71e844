package dev.winback.adapters;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.JulWarnings;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.ContactIndex;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.dynamodb.DynamoDbEvaluationStore;
import dev.winback.adapters.dynamodb.DynamoDbMessageLedger;
import dev.winback.adapters.dynamodb.DynamoDbPurchaseModels;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.MessageLedger;
import dev.winback.core.evaluation.ActionPublisher;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.fit.FitPurchaseModel;
import dev.winback.core.ingest.EventIntake;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.model.FitSettings;
import dev.winback.core.model.PurchaseModelType;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The wiring of the functions still to be given a composition root of their own (process-feedback,
 * http-api, public-links): a façade over {@link EngagementTable}, {@link Ingestion} and
 * {@link MessageDelivery}. Every other function, the local runtime, the benchmarks and the
 * end-to-end tests build those building blocks directly; this class goes once the last three do.
 */
public final class EngagementServices {

    /** The per-customer fan-out of this object graph, created and owned by it. */
    private final ExecutorService writers = WriterThreads.newPool();
    private final EngagementTable table;
    private final Ingestion ingestion;
    private final MessageDelivery delivery;

    /**
     * Keys from the secret {@code WINBACK_LINK_SECRET_ARN} names (read on first use), or the local
     * development secret where the environment names none (the local runtime, tests, benchmarks).
     */
    public EngagementServices(WinbackConfig config, AwsClients clients, Clock clock) {
        this(new EngagementTable(config, clients, clock), clock);
    }

    public EngagementServices(WinbackConfig config, AwsClients clients, Clock clock, KeyMaterial keys) {
        this(new EngagementTable(config, clients, clock, keys), clock);
    }

    private EngagementServices(EngagementTable table, Clock clock) {
        this.table = table;
        this.ingestion = new Ingestion(table, clock, writers);
        this.delivery = new MessageDelivery(table, ingestion, clock);
    }

    /** The deployment secret's derived keys (links, contact hashes). */
    public KeyMaterial keys() {
        return table.keys();
    }

    /** Contact addresses by keyed hash: owners and erasure tombstones. */
    public ContactIndex contacts() {
        return table.contacts();
    }

    public DynamoDbEngagementStore store() {
        return table.store();
    }

    public EventIntake intake() {
        return ingestion.intake();
    }

    public CapacityMeter meter() {
        return table.meter();
    }

    public DynamoDbEvaluationStore evaluationStore() {
        return table.evaluationStore();
    }

    public DynamoDbPurchaseModels purchaseModels() {
        return table.purchaseModels();
    }

    public EvaluationPolicy evaluationPolicy() {
        return ingestion.evaluationPolicy();
    }

    /** The scheduled evaluation, publishing through {@code publishers}. */
    public EvaluateDueCustomers evaluateDueCustomers(Map<Destination, ActionPublisher> publishers) {
        return new EvaluateDueCustomers(table.evaluationStore(), table.evaluationStore(), publishers,
                ingestion.evaluationPolicy(), table.purchaseModels(), writers,
                new JulWarnings(EvaluateDueCustomers.class));
    }

    public DynamoDbMessageLedger messageLedger() {
        return table.messageLedger();
    }

    public DeliveryPolicy deliveryPolicy() {
        return delivery.policy();
    }

    /** Message delivery through these senders, guarded as {@link MessageDelivery} says. */
    public DeliverMessages deliverMessages(List<ChannelSender> senders, MessageComposer composer,
                                           DecisionPublisher decisions) {
        return delivery.deliverMessages(senders, composer, decisions);
    }

    /** Message delivery on the given ledger (tests wrap the table's to step in between its writes). */
    public DeliverMessages deliverMessages(List<ChannelSender> senders, MessageComposer composer,
                                           DecisionPublisher decisions, MessageLedger ledger) {
        return delivery.deliverMessages(senders, composer, decisions, ledger);
    }

    /** The daily fit of the purchase model on a sample of the base. */
    public FitPurchaseModel fitPurchaseModel() {
        return new FitPurchaseModel(table.customerSample(writers), table.purchaseModels(), PurchaseModelType.BG_NBD,
                FitSettings.defaults());
    }
}
