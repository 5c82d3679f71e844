package dev.winback.adapters.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The playbook's and the settings' versions against DynamoDB Local: two documents, each counting its own. */
class DynamoDbDocumentVersionsIT {

    private final LocalTable table = LocalTable.create();
    private final DynamoDbDocumentVersions playbook =
            DynamoDbDocumentVersions.playbook(table.client(), table.name(), new CapacityMeter());
    private final DynamoDbDocumentVersions settings =
            DynamoDbDocumentVersions.settings(table.client(), table.name(), new CapacityMeter());

    @Test
    void eachDocument_countsItsOwnVersions_inItsOwnPartition() {
        assertThat(playbook.latest()).isZero();
        assertThat(playbook.put("{\"p\":1}")).isEqualTo(1);
        assertThat(playbook.put("{\"p\":2}")).isEqualTo(2);
        assertThat(settings.put("{\"s\":1}")).isEqualTo(1);

        assertThat(playbook.latest()).isEqualTo(2);
        assertThat(playbook.version(2)).contains("{\"p\":2}");
        assertThat(settings.version(1)).contains("{\"s\":1}");
        assertThat(settings.version(2)).isEmpty();
        Map<String, AttributeValue> item = table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS("SETTINGS"), Keys.SK, AttributeValue.fromS("V#000001")))).item();
        assertThat(item.get("json").s()).isEqualTo("{\"s\":1}");
    }

    @Test
    void activate_rollback_andDeactivate_moveOnlyTheirDocumentsPointer() {
        playbook.put("{\"p\":1}");
        playbook.put("{\"p\":2}");
        settings.put("{\"s\":1}");
        assertThat(playbook.active()).as("stored is not active").isEmpty();

        assertThat(playbook.activate(1)).isTrue();
        assertThat(playbook.activate(2)).isTrue();
        assertThat(playbook.activate(3)).isFalse();
        assertThat(playbook.active()).contains(2);
        assertThat(settings.active()).isEmpty();

        assertThat(playbook.rollback()).isTrue();
        assertThat(playbook.active()).contains(1);
        playbook.deactivate();
        assertThat(playbook.active()).as("back to the shipped playbook").isEmpty();
        assertThat(playbook.rollback()).isTrue();
        assertThat(playbook.active()).contains(1);
        assertThat(settings.rollback()).isFalse();
    }
}
