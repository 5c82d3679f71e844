package dev.winback.core.privacy;

import dev.winback.core.record.Profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** A customer's data in memory, recording what erasure did to it and in which order. */
final class InMemoryCustomerData implements CustomerDataStore {

    final Map<String, List<HeldItem>> items = new LinkedHashMap<>();
    final Map<String, Profile> profiles = new LinkedHashMap<>();
    final Map<String, Set<String>> reminders = new LinkedHashMap<>();
    final Map<String, Instant> erased = new LinkedHashMap<>();
    final List<String> rejectedBodies = new ArrayList<>();
    final List<String> steps = new ArrayList<>();
    /** Reminders a write racing the marker adds, seen by reads after it. */
    final Map<String, Set<String>> racingReminders = new LinkedHashMap<>();

    @Override
    public List<HeldItem> held(String customerId) {
        return items.getOrDefault(customerId, List.of());
    }

    @Override
    public AddressTrail addressTrail(String customerId) {
        steps.add("trail");
        Set<String> hashes = new LinkedHashSet<>(reminders.getOrDefault(customerId, Set.of()));
        if (erased.containsKey(customerId)) hashes.addAll(racingReminders.getOrDefault(customerId, Set.of()));
        return new AddressTrail(Optional.ofNullable(profiles.get(customerId)), hashes);
    }

    @Override
    public void markErased(String customerId, Instant at) {
        steps.add("marker");
        erased.putIfAbsent(customerId, at);
        profiles.remove(customerId);
    }

    @Override
    public void tombstoneAddress(String addressHash, String customerId, Instant at) {
        steps.add("tombstone " + addressHash);
    }

    @Override
    public int deleteAllButMarker(String customerId) {
        steps.add("delete");
        List<HeldItem> deleted = items.remove(customerId);
        reminders.remove(customerId);
        return deleted == null ? 0 : deleted.size();
    }

    @Override
    public int forgetRejected(Predicate<String> names, Instant now) {
        steps.add("rejected");
        int before = rejectedBodies.size();
        rejectedBodies.removeIf(names);
        return before - rejectedBodies.size();
    }
}
