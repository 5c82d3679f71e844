package dev.winback.core.campaign;

import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentMembers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Segments as fixed sorted lists of customer ids; the cursor is the last id of the page. */
final class ListedMembers implements SegmentMembers {

    private final Map<String, TreeSet<String>> segments = new HashMap<>();
    int pagesRead;

    ListedMembers with(String segmentId, List<String> customerIds) {
        segments.computeIfAbsent(segmentId, s -> new TreeSet<>()).addAll(customerIds);
        return this;
    }

    @Override
    public MemberPage page(String segmentId, Optional<String> after, int limit) {
        pagesRead++;
        TreeSet<String> members = segments.getOrDefault(segmentId, new TreeSet<>());
        List<String> page = (after.isPresent() ? members.tailSet(after.get(), false) : members).stream()
                .limit(limit).toList();
        boolean more = !page.isEmpty() && members.higher(page.getLast()) != null;
        return new MemberPage(page, more ? Optional.of(page.getLast()) : Optional.empty());
    }
}
