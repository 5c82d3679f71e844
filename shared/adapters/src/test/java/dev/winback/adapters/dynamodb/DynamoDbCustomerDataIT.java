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
    private final DynamoDbEngagementStore indexing =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter(), contacts);

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

    @Test
    void anIndexedAddress_isKeptOnTheRecordItem_andTheTrailKeepsAddressesTheRecordNoLongerHolds() {
        saveAddress("c-1", "e-1", "ada@example.com");
        saveAddress("c-1", "e-2", "ada.new@example.com");

        assertThat(data.items("c-1")).extracting(item -> item.get(Keys.SK).s()).containsExactly(Keys.RECORD_SK);
        assertThat(data.addressTrail("c-1").remindedHashes()).containsExactlyInAnyOrder(
                contacts.hashes().email("ada@example.com"), contacts.hashes().email("ada.new@example.com"));
        assertThat(data.held("c-1").getFirst().attributes().get(IndexedHashes.ATTRIBUTE).toString())
                .contains(contacts.hashes().email("ada@example.com"));
    }

    @Test
    void anAddressIndexedBetweenErasuresFirstReadAndItsMarker_isInTheTrailAfterTheMarker_untilTheEnd() {
        saveAddress("c-1", "e-1", "ada@example.com");
        assertThat(data.addressTrail("c-1").remindedHashes()).containsExactly(contacts.hashes().email("ada@example.com"));
        saveAddress("c-1", "e-2", "ada.new@example.com"); // a write racing the erasure

        data.markErased("c-1", AT);

        assertThat(data.addressTrail("c-1").remindedHashes()).containsExactlyInAnyOrder(
                contacts.hashes().email("ada@example.com"), contacts.hashes().email("ada.new@example.com"));
        data.deleteAllButMarker("c-1");
        assertThat(recordItem("c-1")).as("the marker no longer ties the id to the hashes")
                .isEqualTo(DynamoDbEngagementStore.erasedMarker("c-1", AT));
    }

    @Test
    void reminderItemsWrittenBeforeTheRecordKeptTheHashes_areStillInTheTrail() {
        save("c-1", "e-1");
        putItem("c-1", Keys.contact("1.00112233445566778899aabbccddeeff00112233"));

        assertThat(data.addressTrail("c-1").remindedHashes()).containsExactly("1.00112233445566778899aabbccddeeff00112233");
    }

    private void saveAddress(String customerId, String eventId, String email) {
        StoredRecord current = indexing.load(List.of(customerId)).get(customerId);
        EngagementEvent profile = new EngagementEvent(eventId, customerId, AT, Optional.empty(),
                new EventPayload.ProfileUpdated(Optional.of(email), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), AT);
        RecordUpdate.Result update = RecordUpdate.apply(current.record(), List.of(profile), Map.of());
        assertThat(indexing.save(current, update)).isTrue();
    }

    private Map<String, AttributeValue> recordItem(String customerId) {
        return table.client().getItem(b -> b.tableName(table.name()).consistentRead(true)
                .key(DynamoDbEngagementStore.recordKey(customerId))).item();
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
