package dev.winback.adapters.dynamodb;

import dev.winback.core.outcome.HoldoutKey;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * The holdout key in one item ({@code pk = SETTINGS}, {@code sk = HOLDOUT_KEY}): 32 random bytes
 * made by whoever needs it first, written only if no key exists yet, so that concurrent first
 * readers all end up with the one that was stored. It lives in the table, not in the code or a
 * secret that rotates, so deployments and rotations leave every customer's group as it was. Read
 * once per execution environment. The item has no expiry, and no erasure touches it.
 */
public final class DynamoDbHoldoutKey implements HoldoutKey {

    public static final int KEY_BYTES = 32;
    /** The local runtime's key, so that a demo with the same seed holds out the same customers. */
    public static final byte[] LOCAL_DEVELOPMENT_KEY =
            "winback-local-holdout-key-not-for-production".getBytes(StandardCharsets.UTF_8);
    static final String KEY = "key";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] known;

    public DynamoDbHoldoutKey(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public byte[] bytes() {
        byte[] key = known;
        if (key == null) {
            synchronized (this) {
                if (known == null) known = readOrCreate();
                key = known;
            }
        }
        return key.clone();
    }

    private byte[] readOrCreate() {
        Optional<byte[]> stored = read();
        if (stored.isPresent()) return stored.get();
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        if (storeIfAbsent(dynamoDb, table, meter, fresh)) return fresh;
        // Another reader stored its key first: that one is the key.
        return read().orElseThrow(() -> new IllegalStateException("the holdout key was stored but cannot be read"));
    }

    /** Stores {@code key} unless the table holds one already; never replaces a key. */
    public static boolean storeIfAbsent(DynamoDbClient dynamoDb, String table, CapacityMeter meter, byte[] key) {
        try {
            meter.write(dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                            Keys.PK, AttributeValue.fromS(Keys.SETTINGS_PK), Keys.SK, AttributeValue.fromS(Keys.HOLDOUT_KEY_SK),
                            KEY, AttributeValue.fromB(SdkBytes.fromByteArray(key))))
                    .conditionExpression("attribute_not_exists(" + Keys.PK + ")")
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<byte[]> read() {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.SETTINGS_PK), Keys.SK, AttributeValue.fromS(Keys.HOLDOUT_KEY_SK)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        if (!response.hasItem() || response.item().get(KEY) == null || response.item().get(KEY).b() == null) {
            return Optional.empty();
        }
        return Optional.of(response.item().get(KEY).b().asByteArray());
    }
}
