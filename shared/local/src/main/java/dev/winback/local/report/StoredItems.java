package dev.winback.local.report;

import dev.winback.adapters.dynamodb.CapacityMeter;
import dev.winback.adapters.dynamodb.DynamoDbCustomerSample;
import dev.winback.adapters.dynamodb.DynamoDbMessageLedger;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.record.EngagementRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Reads what the report counts from the local table: the engagement records and every customer's
 * message ledger. Scans: for the local tool only, never a function.
 */
final class StoredItems {

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
}
