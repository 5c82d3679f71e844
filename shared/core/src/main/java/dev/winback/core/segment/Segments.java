package dev.winback.core.segment;

import dev.winback.core.record.EngagementRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The segments in force, judged together: which a record belongs to, and when that could next
 * change without an event (the record's timer includes it, so the evaluator looks again then and
 * membership stays right as time passes).
 */
public record Segments(List<SegmentDefinition> definitions, PhoneCountry phones) {

    public static final Segments NONE = new Segments(List.of(), PhoneCountry.NONE);

    public Segments {
        definitions = List.copyOf(definitions);
    }

    public Segments(List<SegmentDefinition> definitions) {
        this(definitions, PhoneCountry.NONE);
    }

    /** The ids of the segments the record is in at {@code now}, sorted. */
    public Set<String> of(EngagementRecord record, Instant now) {
        Set<String> in = new TreeSet<>();
        for (SegmentDefinition definition : definitions) {
            if (definition.matches(record, now, phones)) in.add(definition.id());
        }
        return in;
    }

    public Optional<Instant> nextChange(EngagementRecord record, Instant now) {
        return definitions.stream().map(d -> d.nextChange(record, now)).flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    public Optional<SegmentDefinition> find(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
