package dev.winback.adapters.dynamodb;

import dev.winback.core.template.TemplateSetSummary;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaigns' template sets against DynamoDB Local, laid out as journey definitions are. */
class DynamoDbTemplateStoreIT {

    private final LocalTable table = LocalTable.create();
    private final DynamoDbTemplateStore store = new DynamoDbTemplateStore(table.client(), table.name(), new CapacityMeter());
    private final DynamoDbJourneyDefinitionStore journeys =
            new DynamoDbJourneyDefinitionStore(table.client(), table.name(), new CapacityMeter());

    @Test
    void versions_activation_rollbackAndDeactivation_perCampaign() {
        assertThat(store.list()).isEmpty();
        assertThat(store.put("lapsed-any-channel", "{\"files\":{\"sms.text\":\"v1\"}}")).isEqualTo(1);
        assertThat(store.put("lapsed-any-channel", "{\"files\":{\"sms.text\":\"v2\"}}")).isEqualTo(2);
        assertThat(store.put("spring-sale", "{\"files\":{}}")).isEqualTo(1);
        assertThat(store.version("lapsed-any-channel", 2)).contains("{\"files\":{\"sms.text\":\"v2\"}}");
        assertThat(store.version("lapsed-any-channel", 3)).isEmpty();

        assertThat(store.activate("lapsed-any-channel", 3)).isFalse();
        assertThat(store.activate("lapsed-any-channel", 1)).isTrue();
        assertThat(store.activate("lapsed-any-channel", 2)).isTrue();
        assertThat(store.list()).containsExactly(
                new TemplateSetSummary("lapsed-any-channel", 2, Optional.of(2)),
                new TemplateSetSummary("spring-sale", 1, Optional.empty()));

        assertThat(store.rollback("lapsed-any-channel")).isTrue();
        assertThat(store.active("lapsed-any-channel")).contains(1);
        store.deactivate("lapsed-any-channel");
        assertThat(store.active("lapsed-any-channel")).as("back to shipped").isEmpty();
        assertThat(store.rollback("lapsed-any-channel")).isTrue();
        assertThat(store.active("lapsed-any-channel")).contains(1);
    }

    @Test
    void itemsAreKeyedByTheirOwnPrefix_andIndex_apartFromJourneys() {
        store.put("review", "{\"files\":{\"sms.text\":\"t\"}}");
        journeys.put("review", "{\"id\":\"review\"}");

        assertThat(store.version("review", 1)).contains("{\"files\":{\"sms.text\":\"t\"}}");
        assertThat(journeys.version("review", 1)).contains("{\"id\":\"review\"}");
        Map<String, AttributeValue> item = table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS("TEMPLATE#review"), Keys.SK, AttributeValue.fromS("V#000001")))).item();
        assertThat(item.get("json").s()).isEqualTo("{\"files\":{\"sms.text\":\"t\"}}");
        Map<String, AttributeValue> index = table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS("TEMPLATES"), Keys.SK, AttributeValue.fromS("INDEX")))).item();
        assertThat(index.get("ids").ss()).containsExactly("review");
        assertThat(store.list()).extracting(TemplateSetSummary::campaignId).containsExactly("review");
    }
}
