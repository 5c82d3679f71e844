package dev.winback.adapters.dynamodb;

import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.model.PurchaseModelType;
import dev.winback.core.model.PurchaseModels;
import dev.winback.core.model.StoredPurchaseModel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.cache.RefreshTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fitted purchase model in one item ({@code pk = MODEL#purchase}, {@code sk = CURRENT}), read at most
 * once per {@code refresh} per execution environment: it changes once a day, and every event would
 * otherwise pay a read for it. Without a stored fit, or when it cannot be read, the model is BG/NBD
 * with the default parameters, as the fit itself falls back to.
 */
public final class DynamoDbPurchaseModels implements PurchaseModels {

    private static final Logger LOG = Logger.getLogger(DynamoDbPurchaseModels.class.getName());
    public static final PurchaseModel DEFAULT = PurchaseModelType.BG_NBD.withParameters(BgNbdParameters.defaults());

    static final String TYPE = "type";
    static final String R = "r";
    static final String ALPHA = "alpha";
    static final String A = "a";
    static final String B = "b";
    static final String FITTED_AT = "fittedAt";
    static final String CUSTOMERS = "customers";
    static final String LOG_LIKELIHOOD = "ll";
    static final String FALLBACK = "fallbackReason";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final RefreshTimer refresh;
    private volatile PurchaseModel cached;

    /** @param refresh how often, in {@code elapsed} time, the stored fit is read again */
    public DynamoDbPurchaseModels(DynamoDbClient dynamoDb, String table, CapacityMeter meter, ElapsedTime elapsed,
                                  Duration refresh) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.refresh = new RefreshTimer(refresh, elapsed);
    }

    @Override
    public PurchaseModel current() {
        PurchaseModel seen = cached;
        if (seen != null && !refresh.due()) {
            return seen;
        }
        // One reader refreshes; the writer threads that missed at the same moment take its result.
        synchronized (this) {
            seen = cached;
            long now = refresh.now();
            return seen != null && !refresh.dueAt(now) ? seen : refresh(seen, now);
        }
    }

    private PurchaseModel refresh(PurchaseModel seen, long now) {
        PurchaseModel model;
        try {
            model = find().map(StoredPurchaseModel::model).orElse(DEFAULT);
        } catch (RuntimeException e) {
            if (seen != null) {
                LOG.log(Level.WARNING, "reading the purchase model failed; keeping the one read before", e);
                return seen;
            }
            LOG.log(Level.WARNING, "reading the purchase model failed; using the default parameters", e);
            model = DEFAULT;
        }
        cached = model;
        refresh.readAt(now);
        return model;
    }

    /** The stored fit, if any; always read from the table. */
    public Optional<StoredPurchaseModel> find() {
        var response = dynamoDb.getItem(b -> b.tableName(table).key(key()).consistentRead(false)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        if (!response.hasItem()) return Optional.empty();
        Map<String, AttributeValue> item = response.item();
        PurchaseModelType type = PurchaseModelType.fromLabel(item.get(TYPE).s())
                .orElseThrow(() -> new IllegalStateException("unknown purchase model type in the stored fit"));
        BgNbdParameters parameters = new BgNbdParameters(number(item, R), number(item, ALPHA), number(item, A),
                number(item, B));
        AttributeValue fallback = item.get(FALLBACK);
        return Optional.of(new StoredPurchaseModel(type, parameters, Instant.parse(item.get(FITTED_AT).s()),
                (int) number(item, CUSTOMERS), number(item, LOG_LIKELIHOOD),
                fallback == null ? Optional.empty() : Optional.of(fallback.s())));
    }

    @Override
    public void store(StoredPurchaseModel model) {
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put(TYPE, AttributeValue.fromS(model.type().label()));
        item.put(R, number(model.parameters().r()));
        item.put(ALPHA, number(model.parameters().alpha()));
        item.put(A, number(model.parameters().a()));
        item.put(B, number(model.parameters().b()));
        item.put(FITTED_AT, AttributeValue.fromS(model.fittedAt().toString()));
        item.put(CUSTOMERS, AttributeValue.fromN(Integer.toString(model.customers())));
        item.put(LOG_LIKELIHOOD, number(model.logLikelihood()));
        model.fallbackReason().ifPresent(reason -> item.put(FALLBACK, AttributeValue.fromS(reason)));
        var response = dynamoDb.putItem(b -> b.tableName(table).item(item)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(response.consumedCapacity());
        cached = model.model();
        refresh.readAt(refresh.now());
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.MODEL_PK), Keys.SK, AttributeValue.fromS(Keys.MODEL_SK));
    }

    private static AttributeValue number(double value) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite number: " + value);
        return AttributeValue.fromN(Double.toString(value));
    }

    private static double number(Map<String, AttributeValue> item, String name) {
        return Double.parseDouble(item.get(name).n());
    }
}
