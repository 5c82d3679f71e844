package dev.winback.core.privacy;

import dev.winback.core.links.ContactHashes;
import dev.winback.core.record.Profile;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Erases a customer and everything that leads to them; safe to repeat.
 * <ol>
 *   <li>The record becomes the erasure marker first: from then on no write of any path can create or
 *       change the record, so no later event, not even an unsubscribe click, brings the customer back.</li>
 *   <li>Every address the record was ever indexed under (the reminders, and the record's own under
 *       every key) is tombstoned: no address leads to the customer id any more, and none can be given
 *       to another customer.</li>
 *   <li>Everything else held on the customer is deleted, after the marker so a write that raced it is
 *       caught too.</li>
 *   <li>Kept rejected events naming the customer id or any of those addresses are deleted.</li>
 * </ol>
 * Replies to texts are not stored by Winback: they go to the bus as {@code CustomerReplied}, and
 * whoever consumes them erases them there.
 */
public final class EraseCustomer {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]{6,15}");

    private final CustomerDataStore store;
    private final ContactHashes hashes;
    private final Clock clock;

    public EraseCustomer(CustomerDataStore store, ContactHashes hashes, Clock clock) {
        this.store = store;
        this.hashes = hashes;
        this.clock = clock;
    }

    public Erasure erase(String customerId) {
        Instant now = clock.instant();
        // Read before the marker, which replaces the record and its profile.
        Set<String> addressHashes = new LinkedHashSet<>(addressHashes(store.addressTrail(customerId)));
        store.markErased(customerId, now);
        // A write that raced the marker may have indexed an address after the first read.
        addressHashes.addAll(store.addressTrail(customerId).remindedHashes());
        for (String hash : addressHashes) store.tombstoneAddress(hash, customerId, now);
        int itemsDeleted = store.deleteAllButMarker(customerId);
        int rejectedDeleted = store.forgetRejected(naming(customerId, addressHashes), now);
        return new Erasure(itemsDeleted, addressHashes.size(), rejectedDeleted);
    }

    private Set<String> addressHashes(AddressTrail trail) {
        Set<String> out = new LinkedHashSet<>(trail.remindedHashes());
        if (trail.profile().isPresent()) {
            Profile profile = trail.profile().get();
            if (profile.email() != null) out.addAll(hashes.emailUnderEveryKey(profile.email().value()));
            if (profile.phone() != null) out.addAll(hashes.phoneUnderEveryKey(profile.phone().value()));
        }
        return out;
    }

    /**
     * Which raw bodies name the customer: the id as a {@code customerId} value, or an email address
     * or phone number in it whose keyed hash is one of the customer's (so addresses the record held
     * long ago are found too, though only their hashes are kept).
     */
    private Predicate<String> naming(String customerId, Set<String> addressHashes) {
        Pattern id = Pattern.compile("\"customerId\"\\s*:\\s*\"" + Pattern.quote(customerId) + "\"");
        return body -> id.matcher(body).find() || hasAddressOf(body, addressHashes);
    }

    private boolean hasAddressOf(String body, Set<String> addressHashes) {
        if (addressHashes.isEmpty()) return false;
        Matcher email = EMAIL.matcher(body);
        while (email.find()) {
            if (hashes.emailUnderEveryKey(email.group()).stream().anyMatch(addressHashes::contains)) return true;
        }
        Matcher phone = PHONE.matcher(body);
        while (phone.find()) {
            if (hashes.phoneUnderEveryKey(phone.group()).stream().anyMatch(addressHashes::contains)) return true;
        }
        return false;
    }
}
