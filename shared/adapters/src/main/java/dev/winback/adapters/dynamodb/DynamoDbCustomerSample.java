package dev.winback.adapters.dynamodb;

import dev.winback.core.concurrent.FanOut;
import dev.winback.core.fit.CustomerSample;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Purchases;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

/**
 * A sample of the customer base by parallel Scan segments, each stopping at its share. A scan walks
 * the table in the order of the partition key's hash, so the first customers of each segment are
 * spread over the whole base, not the oldest or the newest.
 */
public final class DynamoDbCustomerSample implements CustomerSample {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final int segments;
    private final Executor executor;

    public DynamoDbCustomerSample(DynamoDbClient dynamoDb, String table, CapacityMeter meter, int segments,
                                  Executor executor) {
        if (segments < 1) throw new IllegalArgumentException("segments must be >= 1, was " + segments);
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.segments = segments;
        this.executor = executor;
    }

    @Override
    public List<Purchases> sample(int maximum) {
        return records(maximum).stream().map(EngagementRecord::purchases).toList();
    }

    /** Up to {@code maximum} whole records, the same way: each segment reads at most its share. */
    public List<EngagementRecord> records(int maximum) {
        int share = (int) Math.min(Integer.MAX_VALUE, ((long) maximum + segments - 1) / segments);
        List<EngagementRecord> sample = new ArrayList<>();
        FanOut.map(IntStream.range(0, segments).boxed().toList(), executor, segment -> segment(segment, share))
                .forEach(sample::addAll);
        return sample.size() > maximum ? sample.subList(0, maximum) : sample;
    }

    private List<EngagementRecord> segment(int segment, int share) {
        List<EngagementRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table).segment(segment).totalSegments(segments)
                    .filterExpression("#sk = :record AND attribute_exists(#d)").projectionExpression("#pk, #sk, #d, #v")
                    .expressionAttributeNames(Map.of("#sk", Keys.SK, "#pk", Keys.PK, "#d", DynamoDbEngagementStore.DOC,
                            "#v", DynamoDbEngagementStore.VERSION))
                    .expressionAttributeValues(Map.of(":record", AttributeValue.fromS(Keys.RECORD_SK)))
                    .limit(Math.max(1, Math.min(1000, share)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (start != null) request.exclusiveStartKey(start);
            ScanResponse response = dynamoDb.scan(request.build());
            meter.read(response.consumedCapacity());
            for (Map<String, AttributeValue> item : response.items()) {
                if (out.size() == share) break;
                out.add(DynamoDbEngagementStore.toStored(item).record());
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && out.size() < share);
        return out;
    }
}
