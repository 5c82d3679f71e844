package dev.winback.adapters.dynamodb;

import dev.winback.core.campaign.CampaignCounters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's decision counts in one item ({@code pk = CAMPAIGN#<id>}, {@code sk = COUNTS}), one
 * number per kind and reason ({@code sent:accepted}), added to by one UpdateItem per publication.
 */
public final class DynamoDbCampaignCounters implements CampaignCounters {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;
    private final UnitCounterItems items;

    public DynamoDbCampaignCounters(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
        this.items = new UnitCounterItems(dynamoDb, table, meter);
    }

    @Override
    public void add(String campaignId, Map<String, Long> increments) {
        UnitCounterItems.Additions additions = new UnitCounterItems.Additions();
        increments.forEach(additions::add);
        items.addTo(Keys.campaign(campaignId), Keys.CAMPAIGN_COUNTS_SK, additions);
    }

    @Override
    public Map<String, Long> read(String campaignId) {
        var response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.campaign(campaignId)),
                        Keys.SK, AttributeValue.fromS(Keys.CAMPAIGN_COUNTS_SK)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        Map<String, Long> counts = new TreeMap<>();
        if (response.item() == null) return counts;
        response.item().forEach((name, value) -> {
            if (!name.equals(Keys.PK) && !name.equals(Keys.SK)) counts.put(name, Long.parseLong(value.n()));
        });
        return counts;
    }
}
