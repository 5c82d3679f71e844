package dev.winback.core.audience;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one export did, for its manifest: how many members the segment had, how many went out (and
 * with how many emails and phones), and how many were left out for each reason.
 */
public record AudienceSummary(
        String segmentId,
        Optional<Integer> definitionVersion,
        long members,
        long exported,
        long emails,
        long phones,
        Map<SkipReason, Long> skipped,
        Instant startedAt,
        Instant finishedAt) {

    public AudienceSummary {
        Objects.requireNonNull(segmentId, "segmentId");
        Objects.requireNonNull(definitionVersion, "definitionVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Map<SkipReason, Long> every = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) every.put(reason, skipped.getOrDefault(reason, 0L));
        skipped = Map.copyOf(every);
    }
}
