package dev.winback.adapters.dynamodb;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.feedback.ContactOwners;
import dev.winback.core.feedback.SmsSuppressionList;
import dev.winback.core.imports.SuppressionList;
import dev.winback.core.links.ContactHashes;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Stamped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Contact addresses by keyed hash ({@link ContactHashes}), never in the clear:
 * {@code pk = CONTACT#<hash>} with one item {@code sk = C#<customerId>} per customer who gave that
 * address (to find the customer an inbound text comes from), {@code sk = ERASED} once a customer
 * holding it asked to be erased (a tombstone that keeps the address out of every record for good),
 * {@code sk = SMS_STOPPED} for a number that texted STOP when no customer had it (the SMS
 * suppression list: no text goes to it until it texts START), and {@code sk = EMAIL_SUPPRESSED} for
 * an address an imported suppression list named when no customer had it (no email goes to it). Each customer's record item
 * remembers the hash of every address it ever indexed ({@link IndexedHashes}; records written before
 * kept them as items {@code sk = CONTACT#<hash>} of the customer's partition), so erasure finds them
 * all, not only the addresses the record holds last.
 *
 * <p>Items are written under the secret's current key; look-ups try every key of the secret, so a
 * rotation misses nothing as long as the older keys stay in it.
 */
public final class ContactIndex implements ContactOwners, SmsSuppressionList, SuppressionList {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ContactHashes hashes;
    private final CapacityMeter meter;

    public ContactIndex(DynamoDbClient dynamoDb, String table, ContactHashes hashes) {
        this(dynamoDb, table, hashes, new CapacityMeter());
    }

    /** @param meter counts the look-ups on the send path (the SMS suppression list) */
    public ContactIndex(DynamoDbClient dynamoDb, String table, ContactHashes hashes, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.hashes = hashes;
        this.meter = meter;
    }

    public ContactHashes hashes() {
        return hashes;
    }

    /**
     * The owner items a batch's applied profile events add: only addresses the record did not already
     * hold, whose items were written when they were first given (most profile updates repeat the
     * address). The record write that follows keeps their hashes ({@link #indexedHash},
     * {@link IndexedHashes}), so erasure finds every item that names the customer.
     */
    public List<Map<String, AttributeValue>> ownerItems(Profile before, List<EngagementEvent> applied) {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        for (EngagementEvent event : applied) {
            if (!(event.payload() instanceof EventPayload.ProfileUpdated p)) continue;
            p.email().filter(e -> !holds(before.email(), e)).ifPresent(e ->
                    items.putIfAbsent("email/" + e, ownerItem(hashes.email(e), "email", event.customerId())));
            p.phone().filter(ph -> !holds(before.phone(), ph)).ifPresent(ph ->
                    items.putIfAbsent("phone/" + ph, ownerItem(hashes.phone(ph), "phone", event.customerId())));
        }
        return List.copyOf(items.values());
    }

    /** The address hash an owner item is filed under. */
    public static String indexedHash(Map<String, AttributeValue> ownerItem) {
        return ownerItem.get(Keys.PK).s().substring(Keys.CONTACT_PREFIX.length());
    }

    private static boolean holds(Stamped<String> field, String value) {
        return field != null && field.value().equals(value);
    }

    private static Map<String, AttributeValue> ownerItem(String hash, String kind, String customerId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, AttributeValue.fromS(Keys.contact(hash)));
        item.put(Keys.SK, AttributeValue.fromS(Keys.customer(customerId)));
        item.put("customerId", AttributeValue.fromS(customerId));
        item.put("kind", AttributeValue.fromS(kind));
        return item;
    }

    /**
     * The address hash a customer-partition item reminds of, if it is such a reminder: items written
     * before the record kept the hashes itself, still read by erasure.
     */
    public static Optional<String> remindedHash(Map<String, AttributeValue> item) {
        String sk = item.get(Keys.SK).s();
        return sk.startsWith(Keys.CONTACT_PREFIX) ? Optional.of(sk.substring(Keys.CONTACT_PREFIX.length())) : Optional.empty();
    }

    /** The customers who gave this phone number (under any key of the secret). */
    @Override
    public List<String> ownersOfPhone(String e164) {
        return owners(hashes.phoneUnderEveryKey(e164));
    }

    @Override
    public List<String> ownersOfEmail(String address) {
        return owners(hashes.emailUnderEveryKey(address));
    }

    private List<String> owners(List<String> underEveryKey) {
        Set<String> out = new LinkedHashSet<>();
        for (String hash : underEveryKey) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamoDb.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.contact(hash)),
                                ":c", AttributeValue.fromS(Keys.customer(""))))
                        .exclusiveStartKey(from));
                page.items().forEach(item -> out.add(item.get("customerId").s()));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return List.copyOf(out);
    }

    /** Which of these hashes are tombstoned. */
    public Set<String> erased(Collection<String> contactHashes) {
        return marked(contactHashes, Keys.CONTACT_ERASED_SK);
    }

    private Set<String> marked(Collection<String> contactHashes, String marker) {
        Set<String> out = new HashSet<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(contactHashes));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(h -> Map.of(Keys.PK, AttributeValue.fromS(Keys.contact(h)), Keys.SK, AttributeValue.fromS(marker)))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !request.isEmpty() && attempt < 8; attempt++) {
                Map<String, KeysAndAttributes> pending = request;
                var response = dynamoDb.batchGetItem(b -> b.requestItems(pending)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                meter.read(response.consumedCapacity());
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> out.add(item.get(Keys.PK).s().substring(Keys.CONTACT_PREFIX.length())));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
            if (!request.isEmpty()) throw new IllegalStateException("contact look-up left keys unprocessed");
        }
        return out;
    }

    /** Whether this number texted STOP without being any customer's (under any key of the secret). */
    public boolean smsSuppressed(String e164) {
        return suppressed(Channel.SMS, e164);
    }

    /** Whether the address is on the channel's suppression list (under any key of the secret). */
    @Override
    public boolean suppressed(Channel channel, String address) {
        return !marked(underEveryKey(channel, address), suppressionMarker(channel)).isEmpty();
    }

    /** Which of these numbers are on the SMS suppression list, in one strongly consistent read. */
    public Set<String> smsSuppressedAmong(Collection<String> numbers) {
        return suppressedAmong(Channel.SMS, numbers);
    }

    /** Which of these addresses are on the channel's suppression list, in one strongly consistent read. */
    public Set<String> suppressedAmong(Channel channel, Collection<String> addresses) {
        Map<String, String> byHash = new HashMap<>();
        for (String address : addresses) {
            for (String hash : underEveryKey(channel, address)) byHash.put(hash, address);
        }
        Set<String> suppressed = new HashSet<>();
        for (String hash : marked(byHash.keySet(), suppressionMarker(channel))) suppressed.add(byHash.get(hash));
        return suppressed;
    }

    /** Puts the address on the channel's suppression list (SMS: as a STOP would, lifted by START). */
    @Override
    public void suppress(Channel channel, String address, Instant at) {
        String hash = channel == Channel.SMS ? hashes.phone(address) : hashes.email(address);
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.contact(hash)),
                Keys.SK, AttributeValue.fromS(suppressionMarker(channel)),
                "suppressedAt", AttributeValue.fromS(at.toString()))));
    }

    private List<String> underEveryKey(Channel channel, String address) {
        return channel == Channel.SMS ? hashes.phoneUnderEveryKey(address) : hashes.emailUnderEveryKey(address);
    }

    private static String suppressionMarker(Channel channel) {
        return switch (channel) {
            case SMS -> Keys.CONTACT_SMS_STOPPED_SK;
            case EMAIL -> Keys.CONTACT_EMAIL_SUPPRESSED_SK;
            case PUSH, IN_APP, WEBHOOK -> throw new IllegalArgumentException("no suppression list for " + channel);
        };
    }

    /** Puts the number on the SMS suppression list: no text goes to it until it texts START. */
    @Override
    public void suppressSms(String e164, Instant at) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.contact(hashes.phone(e164))),
                Keys.SK, AttributeValue.fromS(Keys.CONTACT_SMS_STOPPED_SK),
                "stoppedAt", AttributeValue.fromS(at.toString()))));
    }

    /** Takes the number off the SMS suppression list (it texted START), under every key. */
    @Override
    public void liftSmsSuppression(String e164) {
        for (String hash : hashes.phoneUnderEveryKey(e164)) {
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.contact(hash)), Keys.SK, AttributeValue.fromS(Keys.CONTACT_SMS_STOPPED_SK))));
        }
    }

    /** Keeps the address out of every record from now on. */
    public void tombstone(String contactHash, Instant at) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.contact(contactHash)),
                Keys.SK, AttributeValue.fromS(Keys.CONTACT_ERASED_SK),
                "erasedAt", AttributeValue.fromS(at.toString()))));
    }

    /** Drops the owner item of one customer (erasure: the address no longer leads to them). */
    public void forget(String contactHash, String customerId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.contact(contactHash)),
                Keys.SK, AttributeValue.fromS(Keys.customer(customerId)))));
    }

    /**
     * The events with every tombstoned address removed from their profile updates: an erased
     * customer's email or phone never enters a record again, whoever sends it, so nothing can
     * re-enable marketing to it. One batched read, and only for events that carry an address; an
     * address is erased when its hash under any key of the secret is.
     */
    public List<EngagementEvent> withoutErasedContacts(List<EngagementEvent> events) {
        Map<String, List<String>> candidates = new HashMap<>();
        for (EngagementEvent event : events) {
            if (event.payload() instanceof EventPayload.ProfileUpdated p) {
                p.email().ifPresent(e -> candidates.computeIfAbsent("email/" + e, k -> hashes.emailUnderEveryKey(e)));
                p.phone().ifPresent(ph -> candidates.computeIfAbsent("phone/" + ph, k -> hashes.phoneUnderEveryKey(ph)));
            }
        }
        if (candidates.isEmpty()) return events;
        Set<String> erasedHashes = erased(candidates.values().stream().flatMap(List::stream).toList());
        if (erasedHashes.isEmpty()) return events;
        Set<String> erased = new HashSet<>();
        candidates.forEach((address, underEveryKey) -> {
            if (underEveryKey.stream().anyMatch(erasedHashes::contains)) erased.add(address);
        });
        List<EngagementEvent> out = new ArrayList<>(events.size());
        for (EngagementEvent event : events) {
            if (event.payload() instanceof EventPayload.ProfileUpdated p) {
                Optional<String> email = p.email().filter(e -> !erased.contains("email/" + e));
                Optional<String> phone = p.phone().filter(ph -> !erased.contains("phone/" + ph));
                if (!email.equals(p.email()) || !phone.equals(p.phone())) {
                    event = new EngagementEvent(event.eventId(), event.customerId(), event.occurredAt(),
                            event.platform(), new EventPayload.ProfileUpdated(email, phone, p.timezone(), p.locale(),
                            p.birthday(), p.pushEndpoint()), event.receivedAt());
                }
            }
            out.add(event);
        }
        return out;
    }
}
