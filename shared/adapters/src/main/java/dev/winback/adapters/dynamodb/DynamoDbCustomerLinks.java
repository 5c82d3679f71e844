package dev.winback.adapters.dynamodb;

import dev.winback.core.cdp.CustomerLinks;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link CustomerLinks} as one item in the anonymous customer's own partition
 * ({@code pk = C#anon:<id>, sk = LINK}), so erasing that customer removes its link with it. The
 * first link is kept by a conditional put; later ones read it back.
 */
public final class DynamoDbCustomerLinks implements CustomerLinks {

    static final String CUSTOMER_ID = "customerId";
    static final String FOLDED = "folded";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbCustomerLinks(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public Map<String, Link> linksOf(Collection<String> anonymousCustomerIds) {
        Map<String, Link> links = new HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(anonymousCustomerIds));
        for (int from = 0; from < ids.size(); from += BatchReads.BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + BatchReads.BATCH_GET_LIMIT))) keys.add(key(id));
            BatchReads.readAll(dynamoDb, table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build(), meter,
                    items -> items.forEach(item -> links.put(Keys.customerId(item.get(Keys.PK).s()), link(item))));
        }
        return links;
    }

    @Override
    public Link link(String anonymousCustomerId, String customerId) {
        Map<String, AttributeValue> item = new HashMap<>(key(anonymousCustomerId));
        item.put(CUSTOMER_ID, AttributeValue.fromS(customerId));
        item.put(FOLDED, AttributeValue.fromBool(false));
        try {
            meter.write(dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")
                    .returnConsumedCapacity(software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL))
                    .consumedCapacity());
            return new Link(customerId, false);
        } catch (ConditionalCheckFailedException e) {
            var held = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key(anonymousCustomerId)));
            return link(held.item());
        }
    }

    @Override
    public void markFolded(String anonymousCustomerId) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(anonymousCustomerId))
                .updateExpression("SET #folded = :true").conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#folded", FOLDED))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
    }

    private static Map<String, AttributeValue> key(String anonymousCustomerId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.customer(anonymousCustomerId)),
                Keys.SK, AttributeValue.fromS(Keys.LINK_SK));
    }

    private static Link link(Map<String, AttributeValue> item) {
        AttributeValue folded = item.get(FOLDED);
        return new Link(item.get(CUSTOMER_ID).s(), folded != null && Boolean.TRUE.equals(folded.bool()));
    }
}
