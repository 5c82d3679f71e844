package dev.winback.local.runtime.dynamodb;

import dev.winback.adapters.dynamodb.Keys;
import dev.winback.local.runtime.schedule.NextWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The earliest timer in one family of shards of the due-time index (the evaluator's {@code DUE#n},
 * delivery's {@code MSGDUE#n}): the first time a scheduled run of that reader would find anything
 * due. One one-item query per shard; the local schedules use it to skip firings with nothing to do.
 * With {@link DueIndexWrites} it queries once per instant of the virtual clock (a tick) and then
 * lowers that reading by the timers written since: the schedules ask after every run of any
 * function, and a query of every shard each time was most of a demo's requests.
 */
public final class EarliestDue implements NextWork {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final IntFunction<String> shardKey;
    private final int shards;
    private final Optional<DueIndexWrites> writes;
    private final Supplier<Instant> virtualNow;
    private final String family;
    /** The last reading: at which virtual instant, after how many unreadable writes, what it found. */
    private volatile Reading last;

    private record Reading(Instant at, long unknownWrites, Optional<Instant> earliest) {
    }

    /** @param shardKey shard number to its partition key, e.g. {@code Keys::messageDueShard}, over {@link Keys#DUE_SHARDS} */
    public EarliestDue(DynamoDbClient dynamoDb, String table, IntFunction<String> shardKey) {
        this(dynamoDb, table, shardKey, Keys.DUE_SHARDS);
    }

    /** @param shards how many shards the family has, e.g. {@link Keys#EVALUATION_DUE_SHARDS} for {@code Keys::dueShard} */
    public EarliestDue(DynamoDbClient dynamoDb, String table, IntFunction<String> shardKey, int shards) {
        this(dynamoDb, table, shardKey, shards, Optional.empty(), Instant::now);
    }

    /**
     * @param writes     every write made to the table, when all are seen: then a reading lasts while
     *                   {@code virtualNow} stands still, lowered by the timers written meanwhile
     * @param virtualNow the virtual clock's instant, which stands still during a tick
     */
    public EarliestDue(DynamoDbClient dynamoDb, String table, IntFunction<String> shardKey, int shards,
                       Optional<DueIndexWrites> writes, Supplier<Instant> virtualNow) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.shardKey = shardKey;
        this.shards = shards;
        this.writes = writes;
        this.virtualNow = virtualNow;
        this.family = shardKey.apply(0).replaceFirst("[0-9]+$", "");
    }

    @Override
    public Optional<Instant> get() {
        if (writes.isEmpty()) return read();
        DueIndexWrites written = writes.get();
        Instant now = virtualNow.get();
        long unknown = written.unknownWrites(family);
        Reading reading = last;
        if (reading == null || !reading.at().equals(now) || reading.unknownWrites() != unknown) {
            // Forget first: a timer written during the reading is then both read and remembered.
            written.forget(family);
            reading = new Reading(now, unknown, read());
            last = reading;
        }
        Optional<Instant> since = written.earliestWritten(family);
        if (since.isEmpty()) return reading.earliest();
        if (reading.earliest().isEmpty() || since.get().isBefore(reading.earliest().get())) return since;
        return reading.earliest();
    }

    /** After a run of the family's reader, which took its due timers out and armed later ones: the next answer queries. */
    @Override
    public void readAgain() {
        last = null;
    }

    private Optional<Instant> read() {
        Optional<Instant> earliest = Optional.empty();
        for (int shard = 0; shard < shards; shard++) {
            AttributeValue partition = AttributeValue.fromS(shardKey.apply(shard));
            List<Map<String, AttributeValue>> first = dynamoDb.query(b -> b.tableName(table).indexName(Keys.DUE_INDEX)
                    .keyConditionExpression("#s = :shard")
                    .expressionAttributeNames(Map.of("#s", Keys.DUE_SHARD))
                    .expressionAttributeValues(Map.of(":shard", partition))
                    .scanIndexForward(true).limit(1)).items();
            if (!first.isEmpty() && first.getFirst().containsKey(Keys.DUE_AT)) {
                Instant due = Instant.parse(first.getFirst().get(Keys.DUE_AT).s());
                if (earliest.isEmpty() || due.isBefore(earliest.get())) earliest = Optional.of(due);
            }
        }
        return earliest;
    }
}
