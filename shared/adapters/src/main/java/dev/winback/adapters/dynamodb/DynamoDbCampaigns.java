package dev.winback.adapters.dynamodb;

import dev.winback.adapters.json.CampaignJson;
import dev.winback.core.campaign.CampaignState;
import dev.winback.core.campaign.CampaignStatus;
import dev.winback.core.campaign.CampaignStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns, one item each ({@code pk = CAMPAIGN#<id>}, {@code sk = STATE}): the definition as
 * JSON, the status, the cursor and count of the run, and a version every write is conditional on.
 * Beside them, a marker per active campaign ({@code pk = CAMPAIGNS}, {@code sk = ACTIVE#<id>}),
 * written before the campaign and removed after it finishes: a marker without an active campaign
 * behind it (a crash in between) is removed by the next run that reads it, so no campaign is lost
 * and finished ones are never read again.
 */
public final class DynamoDbCampaigns implements CampaignStore {

    private static final String DEFINITION = "definition";
    private static final String STATUS = "status";
    private static final String CURSOR = "cursor";
    private static final String HANDED_OVER = "handedOver";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String SENDING_SINCE = "sendingSince";
    private static final String VERSION = "version";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbCampaigns(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public Optional<CampaignState> find(String campaignId) {
        var response = dynamoDb.getItem(b -> b.tableName(table).key(key(campaignId)).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(stateOf(response.item())) : Optional.empty();
    }

    @Override
    public Optional<CampaignState> create(CampaignState state) {
        mark(state.id());
        CampaignState stored = state.withVersion(1);
        try {
            var response = dynamoDb.putItem(b -> b.tableName(table).item(itemOf(stored))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
            return Optional.of(stored);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<CampaignState> save(CampaignState state) {
        CampaignState stored = state.withVersion(state.version() + 1);
        try {
            var response = dynamoDb.putItem(b -> b.tableName(table).item(itemOf(stored))
                    .conditionExpression("#version = :read")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(state.version()))))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
        if (!stored.status().active()) unmark(stored.id());
        return Optional.of(stored);
    }

    @Override
    public List<String> active() {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :active)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.CAMPAIGN_ACTIVE_PK),
                            ":active", AttributeValue.fromS(Keys.CAMPAIGN_ACTIVE_PREFIX)))
                    .exclusiveStartKey(from).consistentRead(true)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.read(page.consumedCapacity());
            page.items().forEach(item -> ids.add(item.get(Keys.SK).s().substring(Keys.CAMPAIGN_ACTIVE_PREFIX.length())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        List<String> active = new ArrayList<>();
        for (String id : ids) {
            if (find(id).map(s -> s.status().active()).orElse(false)) active.add(id);
            else unmark(id); // its campaign finished (or was never stored) after the marker was written
        }
        return active;
    }

    private void mark(String campaignId) {
        var response = dynamoDb.putItem(b -> b.tableName(table).item(marker(campaignId))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(response.consumedCapacity());
    }

    private void unmark(String campaignId) {
        var response = dynamoDb.deleteItem(b -> b.tableName(table).key(marker(campaignId))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(response.consumedCapacity());
    }

    private static Map<String, AttributeValue> marker(String campaignId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.CAMPAIGN_ACTIVE_PK),
                Keys.SK, AttributeValue.fromS(Keys.CAMPAIGN_ACTIVE_PREFIX + campaignId));
    }

    private static Map<String, AttributeValue> key(String campaignId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.campaign(campaignId)),
                Keys.SK, AttributeValue.fromS(Keys.CAMPAIGN_STATE_SK));
    }

    private static Map<String, AttributeValue> itemOf(CampaignState state) {
        Map<String, AttributeValue> item = new HashMap<>(key(state.id()));
        item.put(DEFINITION, AttributeValue.fromS(CampaignJson.definition(state.campaign())));
        item.put(STATUS, AttributeValue.fromS(state.status().wireName()));
        state.cursor().ifPresent(cursor -> item.put(CURSOR, AttributeValue.fromS(cursor)));
        item.put(HANDED_OVER, AttributeValue.fromN(Long.toString(state.handedOver())));
        item.put(CREATED_AT, AttributeValue.fromS(state.createdAt().toString()));
        item.put(UPDATED_AT, AttributeValue.fromS(state.updatedAt().toString()));
        state.sendingSince().ifPresent(at -> item.put(SENDING_SINCE, AttributeValue.fromS(at.toString())));
        item.put(VERSION, AttributeValue.fromN(Long.toString(state.version())));
        return item;
    }

    private static CampaignState stateOf(Map<String, AttributeValue> item) {
        return new CampaignState(CampaignJson.readDefinition(item.get(DEFINITION).s()),
                CampaignStatus.valueOf(item.get(STATUS).s().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(item.get(CURSOR)).map(AttributeValue::s),
                Long.parseLong(item.get(HANDED_OVER).n()), Instant.parse(item.get(CREATED_AT).s()),
                Instant.parse(item.get(UPDATED_AT).s()),
                Optional.ofNullable(item.get(SENDING_SINCE)).map(v -> Instant.parse(v.s())),
                Long.parseLong(item.get(VERSION).n()));
    }
}
