package dev.winback.adapters.dynamodb;

import dev.winback.core.record.StoredRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The records this instance wrote last, with the version each write left: a customer's next batch
 * may start from it instead of reading the record again. Safe because the next write is still
 * conditional on that version: any other write since (another instance, the evaluator, an erasure
 * marker, which has no version) makes it refuse, and the writer then reads strongly as after a stale
 * read. Least recently used entries go first; at most {@code capacity} are kept.
 *
 * <p>Used only while it pays. A record served from here saves an eventually consistent read (half a
 * read unit, a fifth of a write unit's price); one that another instance wrote since costs a refused
 * write (a write unit or more) and a strong read instead. With several instances taking a
 * customer's batches in turn, most served records would be stale, so the share refused among the
 * recent ones decides: above {@link #WORTHWHILE} the records are read as before, and one lookup in
 * {@link #PROBE_EVERY} still serves its record to notice when this instance becomes the only writer.
 */
public final class WrittenRecords {

    /** Keeps nothing: every batch reads its records. */
    public static final WrittenRecords NONE = new WrittenRecords(0);

    /** A few thousand records of a few kilobytes each: some megabytes of the function's memory. */
    public static final int DEFAULT_CAPACITY = 2_000;

    /** Break-even is about 0.1 saved against 1.2 lost per refusal (WRU-eq): 8%; kept below it. */
    static final double WORTHWHILE = 1.0 / 16;

    /** A probe served while refusals dominate costs about a write unit: rare enough to stay cheap. */
    static final int PROBE_EVERY = 64;

    /** How much each served record's outcome moves the refused share (about the last 32 count). */
    private static final double WEIGHT = 1.0 / 32;

    private final int capacity;
    private final Map<String, StoredRecord> byCustomer;
    private double refusedShare;
    private long lookups;
    private long served;
    private long servedRefused;

    public WrittenRecords(int capacity) {
        this.capacity = capacity;
        this.byCustomer = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredRecord> eldest) {
                return size() > WrittenRecords.this.capacity;
            }
        };
    }

    /** The record as this instance last wrote it, when it holds it and serving it pays now. */
    synchronized Optional<StoredRecord> startFrom(String customerId) {
        StoredRecord written = byCustomer.get(customerId);
        if (written == null) return Optional.empty();
        lookups++;
        return refusedShare < WORTHWHILE || lookups % PROBE_EVERY == 0 ? Optional.of(written) : Optional.empty();
    }

    /** A write succeeded from {@code previous}, leaving {@code written}. */
    synchronized void wrote(StoredRecord previous, StoredRecord written) {
        if (capacity == 0) return;
        if (isServed(previous)) learn(false);
        byCustomer.put(written.record().customerId(), written);
    }

    /** A write from {@code previous} was refused, or may not have happened: the next batch reads. */
    synchronized void refused(StoredRecord previous) {
        if (capacity == 0) return;
        if (isServed(previous)) learn(true);
        byCustomer.remove(previous.record().customerId());
    }

    /** Written without an entry to learn from (a transaction): the next batch reads. */
    synchronized void forget(String customerId) {
        byCustomer.remove(customerId);
    }

    private boolean isServed(StoredRecord previous) {
        return byCustomer.get(previous.record().customerId()) == previous;
    }

    private void learn(boolean refused) {
        served++;
        if (refused) servedRefused++;
        refusedShare += WEIGHT * ((refused ? 1 : 0) - refusedShare);
    }

    /** The record held for the customer, served or not. */
    synchronized Optional<StoredRecord> held(String customerId) {
        return Optional.ofNullable(byCustomer.get(customerId));
    }

    public synchronized int size() {
        return byCustomer.size();
    }

    /** Writes that started from a record served here. */
    public synchronized long served() {
        return served;
    }

    /** Of those, the ones refused because someone else wrote since. */
    public synchronized long servedRefused() {
        return servedRefused;
    }
}
