package dev.winback.core.segment;

import java.util.Set;
import java.util.TreeSet;

/** What one record write changes in segment membership: the segments entered and the ones left. */
public record MembershipChange(Set<String> entered, Set<String> left) {

    public MembershipChange {
        entered = Set.copyOf(entered);
        left = Set.copyOf(left);
    }

    public static MembershipChange between(Set<String> before, Set<String> after) {
        Set<String> entered = new TreeSet<>(after);
        entered.removeAll(before);
        Set<String> left = new TreeSet<>(before);
        left.removeAll(after);
        return new MembershipChange(entered, left);
    }

    public boolean isEmpty() {
        return entered.isEmpty() && left.isEmpty();
    }
}
