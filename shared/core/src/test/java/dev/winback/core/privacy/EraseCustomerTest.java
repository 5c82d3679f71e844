package dev.winback.core.privacy;

import dev.winback.core.links.ContactHashes;
import dev.winback.core.links.KeyMaterial;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Stamped;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EraseCustomerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String EMAIL = "ann@example.com";
    private static final String PHONE = "+15550100001";

    private final ContactHashes hashes = new ContactHashes(
            KeyMaterial.of("test-secret-for-erasure-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8)));
    private final InMemoryCustomerData store = new InMemoryCustomerData();
    private final EraseCustomer erase = new EraseCustomer(store, hashes, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void marksFirst_thenTombstonesEveryAddress_thenDeletesTheRest_thenTheRejectedEventsNamingThem() {
        store.profiles.put("c-1", new Profile(new Stamped<>(EMAIL, NOW), new Stamped<>(PHONE, NOW), null, null, null, null));
        store.reminders.put("c-1", Set.of("old-hash"));
        store.racingReminders.put("c-1", Set.of("raced-hash"));
        store.items.put("c-1", List.of(item("RECORD"), item("SENT#m-1"), item("CONTACT#old-hash")));
        store.rejectedBodies.addAll(List.of(
                "{\"customerId\": \"c-1\", \"type\": \"x\"}",
                "{\"customerId\":\"c-2\",\"email\":\"" + EMAIL + "\"}",
                "{\"customerId\":\"c-3\",\"phone\":\"" + PHONE + "\"}",
                "{\"customerId\":\"c-4\",\"email\":\"someone@example.com\"}",
                "{\"customerId\":\"c-10\"}"));

        Erasure erasure = erase.erase("c-1");

        String email = hashes.email(EMAIL);
        String phone = hashes.phone(PHONE);
        assertThat(store.steps).containsExactly("trail", "marker", "trail", "tombstone old-hash",
                "tombstone " + email, "tombstone " + phone, "tombstone raced-hash", "delete", "rejected");
        assertThat(store.erased).containsEntry("c-1", NOW);
        assertThat(erasure).isEqualTo(new Erasure(3, 4, 3));
        assertThat(store.rejectedBodies).containsExactly("{\"customerId\":\"c-4\",\"email\":\"someone@example.com\"}",
                "{\"customerId\":\"c-10\"}");
    }

    @Test
    void aCustomerWithNothingHeld_isStillMarked_soNoLaterEventCreatesThem() {
        Erasure erasure = erase.erase("c-9");

        assertThat(store.erased).containsEntry("c-9", NOW);
        assertThat(erasure).isEqualTo(new Erasure(0, 0, 0));
    }

    @Test
    void exportsWhatIsHeld_asOfNow_andNothingForACustomerWithNothingHeld() {
        List<HeldItem> items = List.of(item("RECORD"), item("SENT#m-1"));
        store.items.put("c-1", items);
        ExportCustomer export = new ExportCustomer(store, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(export.export("c-1")).contains(new CustomerExport("c-1", NOW, items));
        assertThat(export.export("c-2")).isEmpty();
    }

    private static HeldItem item(String key) {
        return new HeldItem(key, Optional.empty(), Optional.empty(), Map.of("kind", new HeldValue.Text(key)));
    }
}
