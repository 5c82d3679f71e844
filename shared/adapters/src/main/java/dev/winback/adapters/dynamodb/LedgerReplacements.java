package dev.winback.adapters.dynamodb;

import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerWrite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces ledger entries several at a time, each only if its stored version is still the one it
 * was read at: one PartiQL BatchExecuteStatement of conditional UPDATEs (up to 25 a request). Unlike
 * BatchWriteItem, each statement carries its own condition, and unlike a transaction, one refused
 * changes nothing for the others and each is billed as a single write. An UPDATE sets every stored
 * attribute and removes the timer's when the entry has none, so the item ends as {@link
 * DynamoDbMessageLedger#store}'s PutItem would leave it.
 */
final class LedgerReplacements {

    /** DynamoDB's limit of statements in one BatchExecuteStatement. */
    static final int STATEMENTS_PER_REQUEST = 25;

    private LedgerReplacements() {
    }

    /**
     * @return what each statement came to, by entry; an entry absent was neither written nor refused
     *         by its condition (a throttled statement, say), and is for the caller to write
     */
    static Map<LedgerEntry, LedgerWrite> write(DynamoDbClient dynamoDb, String table, CapacityMeter meter,
                                               List<LedgerEntry> replacements) {
        Map<LedgerEntry, LedgerWrite> writes = new IdentityHashMap<>();
        for (int from = 0; from < replacements.size(); from += STATEMENTS_PER_REQUEST) {
            List<LedgerEntry> chunk = replacements.subList(from, Math.min(replacements.size(), from + STATEMENTS_PER_REQUEST));
            BatchExecuteStatementResponse response = dynamoDb.batchExecuteStatement(b -> b
                    .statements(chunk.stream().map(next -> statement(table, next)).toList())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
            for (int i = 0; i < chunk.size(); i++) {
                LedgerEntry next = chunk.get(i);
                BatchStatementResponse answer = response.responses().get(i);
                if (answer.error() == null) {
                    writes.put(next, new LedgerWrite.Stored(next.withVersion(next.version() + 1)));
                } else if (answer.error().code() == BatchStatementErrorCodeEnum.CONDITIONAL_CHECK_FAILED) {
                    writes.put(next, new LedgerWrite.Refused());
                }
            }
        }
        return writes;
    }

    private static BatchStatementRequest statement(String table, LedgerEntry next) {
        StringBuilder sql = new StringBuilder("UPDATE \"").append(table).append('"');
        List<AttributeValue> parameters = new ArrayList<>();
        DynamoDbMessageLedger.attributes(next).forEach((name, value) -> {
            sql.append(" SET \"").append(name).append("\"=?");
            parameters.add(value);
        });
        if (next.timer().isEmpty()) sql.append(" REMOVE \"").append(Keys.DUE_SHARD).append("\" REMOVE \"").append(Keys.DUE_AT).append('"');
        Map<String, AttributeValue> key = DynamoDbMessageLedger.key(next.key());
        sql.append(" WHERE \"").append(Keys.PK).append("\"=? AND \"").append(Keys.SK).append("\"=? AND \"")
                .append(DynamoDbMessageLedger.VERSION).append("\"=?");
        parameters.add(key.get(Keys.PK));
        parameters.add(key.get(Keys.SK));
        parameters.add(AttributeValue.fromN(Long.toString(next.version())));
        return BatchStatementRequest.builder().statement(sql.toString()).parameters(parameters).build();
    }
}
