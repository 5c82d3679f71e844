package dev.winback.core.segment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a segment's members (customer ids) and the cursor of the next page, empty on the last. */
public record MemberPage(List<String> customerIds, Optional<String> next) {

    public MemberPage {
        customerIds = List.copyOf(customerIds);
        Objects.requireNonNull(next, "next");
    }

    public static MemberPage last(List<String> customerIds) {
        return new MemberPage(customerIds, Optional.empty());
    }
}
