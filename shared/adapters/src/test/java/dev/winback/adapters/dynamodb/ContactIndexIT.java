package dev.winback.adapters.dynamodb;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact index against DynamoDB Local: owners by address hash, erasure tombstones, the SMS suppression list. */
class ContactIndexIT {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final byte[] OLD_KEY = "contact-index-it-old-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW_KEY = "contact-index-it-new-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    private final LocalTable table = LocalTable.create();
    private final ContactIndex index = index(KeyMaterial.of("1", Map.of("1", OLD_KEY)));
    private final DynamoDbEngagementStore records =
            new DynamoDbEngagementStore(table.client(), table.name(), new CapacityMeter(), index);

    @Test
    void addressesSavedWithARecord_leadToTheirOwners() {
        saveProfile("c-1", "ada@example.com", "+447700900123");
        saveProfile("c-2", null, "+447700900123");

        assertThat(index.ownersOfEmail("ada@example.com")).containsExactly("c-1");
        assertThat(index.ownersOfPhone("+447700900123")).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(index.ownersOfEmail("bob@example.com")).isEmpty();
    }

    @Test
    void forget_dropsOneOwner_only() {
        saveProfile("c-1", null, "+447700900123");
        saveProfile("c-2", null, "+447700900123");

        index.forget(index.hashes().phone("+447700900123"), "c-1");

        assertThat(index.ownersOfPhone("+447700900123")).containsExactly("c-2");
    }

    @Test
    void aTombstonedAddress_isErased_andKeptOutOfEveryLaterEvent() {
        String hash = index.hashes().email("ada@example.com");
        assertThat(index.erased(List.of(hash))).isEmpty();

        index.tombstone(hash, AT);

        assertThat(index.erased(List.of(hash, index.hashes().email("bob@example.com")))).containsExactly(hash);
        List<EngagementEvent> cleaned = index.withoutErasedContacts(List.of(
                profile("e-1", "c-9", "ada@example.com", "+447700900123"),
                profile("e-2", "c-9", "bob@example.com", null)));
        assertThat(((EventPayload.ProfileUpdated) cleaned.get(0).payload()).email()).isEmpty();
        assertThat(((EventPayload.ProfileUpdated) cleaned.get(0).payload()).phone()).contains("+447700900123");
        assertThat(((EventPayload.ProfileUpdated) cleaned.get(1).payload()).email()).contains("bob@example.com");
    }

    @Test
    void theSmsSuppressionList_holdsANumberFromStopUntilStart() {
        assertThat(index.smsSuppressed("+447700900123")).isFalse();

        index.suppressSms("+447700900123", AT);
        assertThat(index.smsSuppressed("+447700900123")).isTrue();
        assertThat(index.smsSuppressed("+447700900999")).isFalse();

        index.liftSmsSuppression("+447700900123");
        assertThat(index.smsSuppressed("+447700900123")).isFalse();
    }

    @Test
    void afterAKeyRotation_itemsWrittenUnderTheOldKeyAreStillFound() {
        saveProfile("c-1", "ada@example.com", null);
        index.suppressSms("+447700900123", AT);
        index.tombstone(index.hashes().email("eve@example.com"), AT);

        ContactIndex rotated = index(KeyMaterial.of("2", Map.of("1", OLD_KEY, "2", NEW_KEY)));

        assertThat(rotated.ownersOfEmail("ada@example.com")).containsExactly("c-1");
        assertThat(rotated.smsSuppressed("+447700900123")).isTrue();
        assertThat(((EventPayload.ProfileUpdated) rotated.withoutErasedContacts(
                List.of(profile("e-1", "c-9", "eve@example.com", null))).getFirst().payload()).email()).isEmpty();
        rotated.liftSmsSuppression("+447700900123");
        assertThat(index.smsSuppressed("+447700900123")).isFalse();
    }

    private ContactIndex index(KeyMaterial keys) {
        return new ContactIndex(table.client(), table.name(), new ContactHashes(keys));
    }

    private void saveProfile(String customerId, String email, String phone) {
        RecordUpdate.Result update = RecordUpdate.apply(EngagementRecord.empty(customerId),
                List.of(profile("e-" + customerId, customerId, email, phone)), Map.of());
        assertThat(records.save(StoredRecord.absent(customerId), update)).isTrue();
    }

    private static EngagementEvent profile(String eventId, String customerId, String email, String phone) {
        return new EngagementEvent(eventId, customerId, AT, Optional.empty(), new EventPayload.ProfileUpdated(
                Optional.ofNullable(email), Optional.ofNullable(phone), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), AT);
    }
}
