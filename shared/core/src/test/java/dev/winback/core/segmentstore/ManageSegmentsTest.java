package dev.winback.core.segmentstore;

import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.observe.Warnings;
import dev.winback.core.segment.PhoneCountry;
import dev.winback.core.segment.SegmentCondition;
import dev.winback.core.segment.SegmentDefinition;
import dev.winback.core.settings.DocumentFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManageSegmentsTest {

    /** Texts of the form "id" or "id:name"; "bad" does not read. */
    private static final DocumentFormat<SegmentDefinition> FORMAT = text -> text.equals("bad")
            ? new Checked.Invalid<>(List.of(new JourneyProblem("$", "unreadable")))
            : new Checked.Valid<>(new SegmentDefinition(text.split(":")[0], text, SegmentDefinition.Match.ALL,
            List.of(new SegmentCondition.AppInstalled())));

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final Versions versions = new Versions();
    /** Elapsed nanoseconds: the only time the segments' freshness is measured in. */
    private final long[] elapsed = {0};
    private final StoredSegments current = new StoredSegments(versions, FORMAT, PhoneCountry.NONE,
            () -> elapsed[0], REFRESH, Warnings.NONE);
    private final ManageSegments manage = new ManageSegments(versions, FORMAT, current::refreshNow);

    @Test
    void aStoredDefinitionIsInForceAtOnceAndVersioned() {
        assertEquals(List.of(), current.current().definitions());
        assertEquals(new ManageSegments.Stored.Activated(1), manage.put("vip", "vip:first"));
        assertEquals(new ManageSegments.Stored.Activated(2), manage.put("vip", "vip:second"));
        assertEquals("vip:second", current.current().find("vip").orElseThrow().name());
        assertEquals(2, manage.show("vip").orElseThrow().version());
        assertEquals(Optional.empty(), manage.show("other"));
    }

    @Test
    void nothingInvalidIsStored() {
        assertInstanceOf(ManageSegments.Stored.Refused.class, manage.put("vip", "bad"));
        ManageSegments.Stored.Refused otherId = (ManageSegments.Stored.Refused) manage.put("vip", "gold");
        assertEquals("id", otherId.problems().getFirst().where());
        for (int i = 0; i < StoredSegments.MAX_SEGMENTS; i++) manage.put("s" + i, "s" + i);
        assertInstanceOf(ManageSegments.Stored.Refused.class, manage.put("one-too-many", "one-too-many"));
        assertInstanceOf(ManageSegments.Stored.Activated.class, manage.put("s0", "s0:changed"), "changing one still works");
        assertEquals(StoredSegments.MAX_SEGMENTS, versions.texts.size());
    }

    @Test
    void beforeAFirstReadSucceedsNothingIsJudged_afterwardsTheLastReadStays() {
        versions.failing = true;
        assertThrows(IllegalStateException.class, current::current, "judging with no segments would empty every one");
        versions.failing = false;
        manage.put("vip", "vip");
        assertEquals(1, current.current().definitions().size());
        versions.failing = true;
        current.refreshNow();
        assertEquals(1, current.current().definitions().size());
    }

    @Test
    void anotherWritersChange_isReadOnceARefreshHasElapsed_notBefore() {
        versions.put("vip", "vip:first");
        versions.activate("vip", 1);
        assertEquals("vip:first", current.current().find("vip").orElseThrow().name());
        int reads = versions.reads;

        versions.put("vip", "vip:second");
        versions.activate("vip", 2);
        elapsed[0] += REFRESH.toNanos() - 1;
        for (int i = 0; i < 100; i++) current.current();
        assertEquals(reads, versions.reads, "every record write asks; the store is not read within the refresh");
        assertEquals("vip:first", current.current().find("vip").orElseThrow().name());

        elapsed[0] += 1;
        assertEquals("vip:second", current.current().find("vip").orElseThrow().name());
        assertEquals(reads + 1, versions.reads);
    }

    private static final class Versions implements SegmentVersions {
        final Map<String, List<String>> texts = new TreeMap<>();
        final Map<String, Integer> active = new TreeMap<>();
        boolean failing;
        int reads;

        @Override
        public List<String> ids() {
            if (failing) throw new IllegalStateException("store down");
            reads++;
            return List.copyOf(texts.keySet());
        }

        @Override
        public int put(String segmentId, String json) {
            texts.computeIfAbsent(segmentId, id -> new ArrayList<>()).add(json);
            return texts.get(segmentId).size();
        }

        @Override
        public Optional<String> version(String segmentId, int version) {
            List<String> all = texts.getOrDefault(segmentId, List.of());
            return version >= 1 && version <= all.size() ? Optional.of(all.get(version - 1)) : Optional.empty();
        }

        @Override
        public boolean activate(String segmentId, int version) {
            active.put(segmentId, version);
            return true;
        }

        @Override
        public Optional<Integer> active(String segmentId) {
            return Optional.ofNullable(active.get(segmentId));
        }
    }
}
