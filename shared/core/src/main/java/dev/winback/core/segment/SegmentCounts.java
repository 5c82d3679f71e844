package dev.winback.core.segment;

import java.time.LocalDate;

/** A segment's count, kept as records change (never counted by reading the members). */
public interface SegmentCounts {

    /** The count now and at the end of each day from {@code from} through {@code today}. */
    SegmentCount count(String segmentId, LocalDate from, LocalDate today);
}
