package dev.winback.core.segment;

import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named set of customers, defined by conditions over their engagement records: all of them hold
 * ({@link Match#ALL}) or any one ({@link Match#ANY}). Membership at an instant is a pure function
 * of the record and that instant.
 */
public record SegmentDefinition(String id, String name, Match match, List<SegmentCondition> conditions) {

    public enum Match { ALL, ANY }

    public SegmentDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        conditions = List.copyOf(conditions);
        if (conditions.isEmpty()) throw new IllegalArgumentException("a segment needs at least one condition");
    }

    /** Whether the customer is a member at {@code now}, the country read from the profile alone. */
    public boolean matches(EngagementRecord record, Instant now) {
        return matches(record, now, PhoneCountry.NONE);
    }

    public boolean matches(EngagementRecord record, Instant now, PhoneCountry phones) {
        SegmentMatcher matcher = new SegmentMatcher(record, now, phones);
        return switch (match) {
            case ALL -> conditions.stream().allMatch(matcher::holds);
            case ANY -> conditions.stream().anyMatch(matcher::holds);
        };
    }

    /**
     * The earliest instant after {@code now} at which membership could change with no new event (a
     * "within 90 days" running out, a state held long enough); empty when only an event can change it.
     */
    public Optional<Instant> nextChange(EngagementRecord record, Instant now) {
        SegmentMatcher matcher = new SegmentMatcher(record, now, PhoneCountry.NONE);
        return conditions.stream().map(matcher::nextChange).flatMap(Optional::stream).min(Instant::compareTo);
    }
}
