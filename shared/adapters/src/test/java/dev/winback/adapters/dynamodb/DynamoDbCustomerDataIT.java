package dev.winback.adapters.dynamodb;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.privacy.HeldItem;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's data for privacy requests against DynamoDB Local, as the core's CustomerDataStore port sees it. */
class DynamoDbCustomerDataIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final DynamoDbEngagementStore store =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter());
    private final ContactIndex contacts = new ContactIndex(table.client(), table.name(),
            new ContactHashes(KeyMaterial.of("1", Map.of("1", new byte[32]))));
    private final DynamoDbCustomerData data = new DynamoDbCustomerData(table.client(), table.name(), contacts);

    @Test
    void held_listsTheRecordAndEveryOtherItemOfTheCustomer_andNoOtherCustomersItems() {
        EngagementRecord saved = save("c-1", "e-1");
        save("c-2", "e-2");
        putItem("c-1", Keys.SENT_PREFIX + "m-1");

        List<HeldItem> held = data.held("c-1");

        assertThat(held).extracting(HeldItem::key).containsExactlyInAnyOrder(Keys.RECORD_SK, Keys.SENT_PREFIX + "m-1");
        assertThat(held).filteredOn(item -> item.key().equals(Keys.RECORD_SK)).singleElement()
                .satisfies(item -> assertThat(item.record()).contains(saved));
    }

    @Test
    void markErased_thenDeleteAllButMarker_leavesNothingHeld_andKeepsTheFirstErasureTime() {
        save("c-1", "e-1");
        putItem("c-1", Keys.SENT_PREFIX + "m-1");

        data.markErased("c-1", AT);
        data.markErased("c-1", AT.plusSeconds(60));
        int deleted = data.deleteAllButMarker("c-1");

        assertThat(deleted).isEqualTo(1);
        assertThat(data.held("c-1")).isEmpty();
        assertThat(store.load(List.of("c-1")).get("c-1").erased()).isTrue();
        Map<String, AttributeValue> marker = table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.customer("c-1")),
                        Keys.SK, AttributeValue.fromS(Keys.RECORD_SK)))).item();
        assertThat(marker).isEqualTo(DynamoDbEngagementStore.erasedMarker("c-1", AT));
    }

    @Test
    void markErased_neverTouchesAnotherCustomer() {
        EngagementRecord other = save("c-2", "e-2");

        data.markErased("c-1", AT);
        data.deleteAllButMarker("c-1");

        assertThat(data.held("c-2")).extracting(HeldItem::record).containsExactly(Optional.of(other));
    }

    private EngagementRecord save(String customerId, String eventId) {
        EngagementEvent session = new EngagementEvent(eventId, customerId, AT, Optional.of(Platform.APP),
                new EventPayload.SessionStarted(Platform.APP), AT);
        RecordUpdate.Result update = RecordUpdate.apply(EngagementRecord.empty(customerId), List.of(session), Map.of());
        assertThat(store.save(StoredRecord.absent(customerId), update)).isTrue();
        return update.record();
    }

    private void putItem(String customerId, String sk) {
        table.client().putItem(b -> b.tableName(table.name()).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.customer(customerId)), Keys.SK, AttributeValue.fromS(sk),
                "subject", AttributeValue.fromS("Hello"))));
    }
}
