package dev.winback.core.segmentstore;

import dev.winback.core.segment.CurrentSegments;
import dev.winback.core.segment.PhoneCountry;
import dev.winback.core.segment.SegmentDefinition;
import dev.winback.core.segment.Segments;
import dev.winback.core.journey.Checked;
import dev.winback.core.observe.Warnings;
import dev.winback.core.settings.DocumentFormat;
import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.cache.RefreshTimer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The active version of every stored segment, read at most once per {@code refresh} of elapsed time,
 * so a change reaches every writer within that time. If the store cannot be read, what was read before stays in
 * force; before a first read succeeds nothing may be written (the caller's write fails and is
 * retried): judging with no segments would take every record out of every segment.
 */
public final class StoredSegments implements CurrentSegments {

    /** A record write carries its membership changes in one transaction of at most 100 items. */
    public static final int MAX_SEGMENTS = 25;

    private final SegmentVersions versions;
    private final DocumentFormat<SegmentDefinition> format;
    private final PhoneCountry phones;
    private final RefreshTimer refresh;
    private final Warnings warnings;
    private Segments current;

    public StoredSegments(SegmentVersions versions, DocumentFormat<SegmentDefinition> format, PhoneCountry phones,
                          ElapsedTime elapsed, Duration refresh, Warnings warnings) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.format = Objects.requireNonNull(format, "format");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.refresh = new RefreshTimer(refresh, elapsed);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public synchronized Segments current() {
        long now = refresh.now();
        if (current != null && !refresh.dueAt(now)) return current;
        try {
            current = read();
            refresh.readAt(now);
        } catch (RuntimeException e) {
            if (current == null) throw e;
            warnings.warn("reading the segments failed; the ones read before stay in force", e);
        }
        return current;
    }

    /** Reads again at the next use: after an operator's change in this process. */
    public synchronized void refreshNow() {
        refresh.expire();
    }

    /** The version of each segment in force, for showing it. */
    public Optional<Integer> activeVersion(String segmentId) {
        return versions.active(segmentId);
    }

    private Segments read() {
        List<SegmentDefinition> definitions = new ArrayList<>();
        for (String id : versions.ids()) {
            Optional<Integer> active = versions.active(id);
            if (active.isEmpty()) continue;
            Optional<String> text = versions.version(id, active.get());
            if (text.isEmpty()) continue;
            switch (format.read(text.get())) {
                case Checked.Valid<SegmentDefinition> valid -> definitions.add(valid.value());
                case Checked.Invalid<SegmentDefinition> invalid ->
                        warnings.warn("segment " + id + " version " + active.get() + " does not read; it is left out");
            }
        }
        return new Segments(definitions, phones);
    }
}
