package dev.winback.core.segmentstore;

import dev.winback.core.segment.SegmentDefinition;
import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.settings.DocumentFormat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator does with segments: store a definition as the segment's next version, which is
 * in force from then on, and see the one in force. Nothing invalid is stored. A new or changed
 * definition applies to each customer at the record's next write (an event or an evaluation).
 */
public final class ManageSegments {

    public sealed interface Stored {
        record Activated(int version) implements Stored {
        }

        record Refused(List<JourneyProblem> problems) implements Stored {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    /** A segment's definition in force and its version. */
    public record Shown(SegmentDefinition definition, int version) {
    }

    private final SegmentVersions versions;
    private final DocumentFormat<SegmentDefinition> format;
    private final Runnable changed;

    /** @param changed told after every change, so this process reads the segments again at once */
    public ManageSegments(SegmentVersions versions, DocumentFormat<SegmentDefinition> format, Runnable changed) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.format = Objects.requireNonNull(format, "format");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    public Stored put(String segmentId, String text) {
        return switch (format.read(text)) {
            case Checked.Invalid<SegmentDefinition> invalid -> new Stored.Refused(invalid.problems());
            case Checked.Valid<SegmentDefinition> valid -> {
                if (!valid.value().id().equals(segmentId)) {
                    yield new Stored.Refused(List.of(new JourneyProblem("id", "must be the segment id of the path, "
                            + segmentId)));
                }
                List<String> ids = versions.ids();
                if (!ids.contains(segmentId) && ids.size() >= StoredSegments.MAX_SEGMENTS) {
                    yield new Stored.Refused(List.of(new JourneyProblem("id", "at most " + StoredSegments.MAX_SEGMENTS
                            + " segments are kept; change one of them instead")));
                }
                int version = versions.put(segmentId, text);
                versions.activate(segmentId, version);
                changed.run();
                yield new Stored.Activated(version);
            }
        };
    }

    /** The definition in force, if the segment is stored and active. */
    public Optional<Shown> show(String segmentId) {
        return versions.active(segmentId).flatMap(version -> versions.version(segmentId, version)
                .flatMap(text -> format.read(text) instanceof Checked.Valid<SegmentDefinition> valid
                        ? Optional.of(new Shown(valid.value(), version)) : Optional.empty()));
    }
}
