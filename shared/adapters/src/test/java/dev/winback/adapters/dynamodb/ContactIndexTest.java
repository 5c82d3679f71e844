package dev.winback.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Stamped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactIndexTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    private final ContactHashes hashes = new ContactHashes(
            KeyMaterial.of("contact-index-test-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8)));
    private final ContactIndex index = new ContactIndex(null, "table", hashes);

    private static EngagementEvent profile(String id, String email, String phone) {
        return new EngagementEvent(id, "c-1", AT, Optional.empty(), new EventPayload.ProfileUpdated(
                Optional.ofNullable(email), Optional.ofNullable(phone), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void ownerItems_indexesAddressesTheRecordDidNotHold_andNamesTheirHashes() {
        var items = index.ownerItems(Profile.EMPTY, List.of(profile("e1", "ada@example.com", "+447700900123")));

        assertThat(items).extracting(item -> item.get(Keys.PK).s() + " " + item.get(Keys.SK).s()).containsExactly(
                Keys.contact(hashes.email("ada@example.com")) + " " + Keys.customer("c-1"),
                Keys.contact(hashes.phone("+447700900123")) + " " + Keys.customer("c-1"));
        assertThat(items).extracting(ContactIndex::indexedHash)
                .containsExactly(hashes.email("ada@example.com"), hashes.phone("+447700900123"));
    }

    @Test
    void indexedHashes_roundTripInAboutHalfTheBytes_underAKeyIdOrNone() {
        String underKey = "k7." + "0123456789abcdef0123456789abcdef01234567";
        String legacy = "fedcba9876543210fedcba9876543210fedcba98";

        assertThat(IndexedHashes.decode(IndexedHashes.encode(underKey))).isEqualTo(underKey);
        assertThat(IndexedHashes.decode(IndexedHashes.encode(legacy))).isEqualTo(legacy);
        assertThat(IndexedHashes.encode(underKey)).hasSize(23);
        assertThat(IndexedHashes.in(java.util.Map.of(IndexedHashes.ATTRIBUTE, IndexedHashes.of(List.of(underKey, legacy)))))
                .containsExactlyInAnyOrder(underKey, legacy);
    }

    @Test
    void ownerItems_skipsTheAddressTheRecordAlreadyHolds_andRepeatsWithinTheBatch() {
        Profile before = new Profile(new Stamped<>("ada@example.com", AT.minusSeconds(60)), null, null, null, null, null);

        var items = index.ownerItems(before, List.of(
                profile("e1", "ada@example.com", null),
                profile("e2", "ada.new@example.com", null),
                profile("e3", "ada.new@example.com", null)));

        assertThat(items).extracting(item -> item.get(Keys.PK).s()).containsExactly(
                Keys.contact(hashes.email("ada.new@example.com")));
    }
}
