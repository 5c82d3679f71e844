package dev.winback.local.report;

import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbCustomerSample;
import dev.winback.adapters.dynamodb.DynamoDbMessageLedger;
import dev.winback.adapters.dynamodb.Keys;
import dev.winback.adapters.json.RetentionActionRequestedJson;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Reads what the report counts from the local table: the engagement records, every customer's
 * message ledger, and the requested actions. Scans: for the local tool only, never a function.
 */
final class StoredItems {

    /** The attribute of an ACTION# item holding the request as its event detail (DynamoDbEvaluationStore). */
    private static final String ACTION_DETAIL = "detail";
    private static final int SEGMENTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String table;

    StoredItems(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    List<EngagementRecord> records() {
        return new DynamoDbCustomerSample(dynamoDb, table, new CapacityMeter(), SEGMENTS, ForkJoinPool.commonPool())
                .records(Integer.MAX_VALUE);
    }

    /** Every ledger entry of these customers: one query per customer, through the ledger's own reader. */
    List<LedgerEntry> ledger(Collection<String> customerIds) {
        DynamoDbMessageLedger ledger = new DynamoDbMessageLedger(dynamoDb, table, new CapacityMeter());
        return customerIds.parallelStream().flatMap(id -> ledger.recent(id, Integer.MAX_VALUE).stream()).toList();
    }

    /** Every action the evaluator requested and stored in its outbox. */
    List<ActionRequest> actions() {
        List<ActionRequest> actions = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(table)
                    .filterExpression("begins_with(#sk, :prefix) AND attribute_exists(#d)")
                    .projectionExpression("#d")
                    .expressionAttributeNames(Map.of("#sk", Keys.SK, "#d", ACTION_DETAIL))
                    .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(Keys.ACTION_PREFIX)));
            if (start != null) request.exclusiveStartKey(start);
            ScanResponse response = dynamoDb.scan(request.build());
            response.items().forEach(item -> actions.add(RetentionActionRequestedJson.fromDetail(item.get(ACTION_DETAIL).s())));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return actions;
    }
}
