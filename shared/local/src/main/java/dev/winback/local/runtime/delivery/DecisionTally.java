package dev.winback.local.runtime.delivery;

import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageDecision;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the decisions delivery publishes, in place of the bus: messages by channel, fallbacks
 * (at once after a refusal, or after a receipt deadline), skipped channels and holds by reason,
 * messages held out for measurement by group.
 * Costs no reads: the demo summary comes from here, not from the ledger.
 */
public final class DecisionTally implements DecisionPublisher {

    private final Map<String, Long> sentByChannel = new TreeMap<>();
    private final Map<String, Long> failedByReason = new TreeMap<>();
    private final Map<String, Long> skippedByReason = new TreeMap<>();
    private final Map<String, Long> heldByReason = new TreeMap<>();
    private final Map<String, Long> stoppedByReason = new TreeMap<>();
    private final Map<String, Long> heldOutByGroup = new TreeMap<>();
    private long fellBack;
    private long unknown;
    private long receipts;

    @Override
    public synchronized void publish(LedgerEntry entry, List<MessageDecision> decisions) {
        for (MessageDecision d : decisions) {
            String channel = d.channel().map(c -> c.wireName()).orElse("-");
            switch (d.kind()) {
                case SENT -> sentByChannel.merge(channel, 1L, Long::sum);
                case FAILED -> failedByReason.merge(d.reason().wireName(), 1L, Long::sum);
                case SKIPPED -> skippedByReason.merge(d.reason().wireName(), 1L, Long::sum);
                case HELD -> heldByReason.merge(d.reason().wireName(), 1L, Long::sum);
                case STOPPED -> {
                    stoppedByReason.merge(d.reason().wireName(), 1L, Long::sum);
                    if (d.reason() == MessageDecision.Reason.HELD_OUT) {
                        heldOutByGroup.merge(d.detail().startsWith("global control") ? "global control" : "unit holdout",
                                1L, Long::sum);
                    }
                }
                case FELL_BACK -> fellBack++;
                case UNKNOWN -> unknown++;
                case RECEIPT, LATE_RECEIPT -> receipts++;
                case RETRYING -> { }
            }
        }
    }

    public synchronized long sent() {
        return sentByChannel.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized Map<String, Long> sentByChannel() {
        return Map.copyOf(sentByChannel);
    }

    /** Messages withheld for measurement, by group (global control, unit holdout). */
    public synchronized Map<String, Long> heldOutByGroup() {
        return Map.copyOf(heldOutByGroup);
    }

    public synchronized Map<String, Long> skippedByReason() {
        return Map.copyOf(skippedByReason);
    }

    public synchronized void print(PrintStream out, long requests, long notMessages) {
        long failedOver = failedByReason.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "Delivery: %,d requests (%,d not messages), %,d messages sent%n", requests,
                notMessages, sent());
        section(out, "messages by channel", sentByChannel);
        section(out, "held out (would have been sent)", heldOutByGroup);
        out.printf(Locale.ROOT, "  fallbacks%n    %-24s %,10d%n    %-24s %,10d%n", "at once (refused)", failedOver,
                "after the receipt deadline", fellBack);
        section(out, "refusals by reason", failedByReason);
        section(out, "channels skipped by reason", skippedByReason);
        section(out, "holds by reason", heldByReason);
        section(out, "stops by reason", stoppedByReason);
        if (unknown > 0) out.printf(Locale.ROOT, "  %-26s %,10d%n", "unknown (never resent)", unknown);
    }

    private static void section(PrintStream out, String title, Map<String, Long> counts) {
        out.println("  " + title);
        if (counts.isEmpty()) out.println("    (none)");
        counts.forEach((key, count) -> out.printf(Locale.ROOT, "    %-24s %,10d%n", key, count));
    }
}
