package dev.winback.core.record;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A compact, approximate set of every event id in a customer's monthly archives, kept in the record
 * so that a new event can be told apart from a repeat of an archived one without a read: "no" is
 * certain, "maybe" sends the caller to the archive for the exact answer. Without it, an archived id
 * resent with another date would look new, and be counted again.
 *
 * <p>A list of Bloom filters of {@value #BITS} bits, each taking {@value #CAPACITY} ids (about 0.7%
 * false "maybe" each) before the next begins; after {@value #MAX_FILTERS} the last one keeps taking
 * ids and its false "maybe" rate rises, which costs archive reads, never a wrong answer.
 *
 * @param count   how many ids were added (a repeat added twice counts twice: only sizing depends on it)
 * @param filters the filters, oldest first
 */
public record ArchivedIdFilter(long count, List<BitSet> filters) {

    static final int BITS = 512;
    static final int CAPACITY = 48;
    static final int MAX_FILTERS = 8;
    private static final int PROBES = 5;

    public static final ArchivedIdFilter EMPTY = new ArchivedIdFilter(0, List.of());

    public ArchivedIdFilter {
        filters = filters.stream().map(f -> (BitSet) f.clone()).toList();
        if (count < 0) throw new IllegalArgumentException("count must not be negative");
        for (BitSet filter : filters) {
            if (filter.length() > BITS) throw new IllegalArgumentException("a filter holds " + BITS + " bits");
        }
    }

    /** The bit length of each filter, for codecs. */
    public static int bits() {
        return BITS;
    }

    public boolean isEmpty() {
        return filters.isEmpty();
    }

    /** False when the id was certainly never archived; true when it may have been. */
    public boolean mightContain(long hash) {
        for (BitSet filter : filters) {
            if (holds(filter, hash)) return true;
        }
        return false;
    }

    ArchivedIdFilter with(Collection<Long> hashes) {
        if (hashes.isEmpty()) return this;
        List<BitSet> next = new ArrayList<>(filters.stream().map(f -> (BitSet) f.clone()).toList());
        long n = count;
        for (long hash : hashes) {
            int index = (int) Math.min(MAX_FILTERS - 1, n / CAPACITY);
            while (next.size() <= index) next.add(new BitSet(BITS));
            BitSet filter = next.get(index);
            for (int probe = 0; probe < PROBES; probe++) filter.set(bit(hash, probe));
            n++;
        }
        return new ArchivedIdFilter(n, next);
    }

    private static boolean holds(BitSet filter, long hash) {
        for (int probe = 0; probe < PROBES; probe++) {
            if (!filter.get(bit(hash, probe))) return false;
        }
        return true;
    }

    /** Double hashing over the two halves of the (already uniform) 64-bit id hash. */
    private static int bit(long hash, int probe) {
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32) | 1;
        return Math.floorMod(h1 + probe * h2, BITS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchivedIdFilter other && count == other.count && filters.equals(other.filters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, filters);
    }
}
