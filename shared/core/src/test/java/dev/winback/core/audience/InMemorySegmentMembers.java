package dev.winback.core.audience;

import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentMembers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** A segment's members held in memory, paged by customer id as the port promises; counts the pages read. */
final class InMemorySegmentMembers implements SegmentMembers {

    private final Map<String, TreeSet<String>> members = new TreeMap<>();
    int pagesRead;

    InMemorySegmentMembers add(String segmentId, String... customerIds) {
        members.computeIfAbsent(segmentId, id -> new TreeSet<>()).addAll(List.of(customerIds));
        return this;
    }

    @Override
    public MemberPage page(String segmentId, Optional<String> after, int limit) {
        pagesRead++;
        TreeSet<String> all = members.getOrDefault(segmentId, new TreeSet<>());
        List<String> page = new ArrayList<>(after.map(cursor -> all.tailSet(cursor, false)).orElse(all))
                .stream().limit(limit + 1L).toList();
        if (page.size() <= limit) return MemberPage.last(page);
        List<String> shown = page.subList(0, limit);
        return new MemberPage(shown, Optional.of(shown.getLast()));
    }
}
