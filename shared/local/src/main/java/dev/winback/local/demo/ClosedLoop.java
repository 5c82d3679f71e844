package dev.winback.local.demo;

import dev.winback.adapters.json.EventJsonWriter;
import dev.winback.core.delivery.DecisionPublisher;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.ConversionWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Closes the loop between the engine and the simulated customers: it hears delivery's decisions (as
 * a subscriber to the MessageDecision events would) and, for each exposure of a customer to a unit
 * with a known {@link TrueEffects.Truth} (a send: treated; a withheld message: held out), draws
 * whether the customer returns within the conversion window, with base + effect or base. A return
 * is a web session at a random time in the window, fed back through the real ingest at that time, so
 * the outcome counters attribute it like any other event. Draws depend only on the seed, the
 * customer, the unit and the exposure's time, not on the order decisions arrive in.
 *
 * <p>As the counters do, it counts one exposure per customer and unit per window: a second message
 * within the window of the first draws nothing more. Exposures after {@code horizon} draw nothing
 * (they are outside the reported range), so the loop ends.
 */
public final class ClosedLoop implements DecisionPublisher, Feedback {

    /** A return comes at least this long after the message, and within the window. */
    static final Duration EARLIEST_RETURN = Duration.ofHours(1);

    private final TrueEffects truth;
    private final long seed;
    private final Instant horizon;
    private final EventJsonWriter json = new EventJsonWriter();
    private final PriorityQueue<EngagementEvent> pending = new PriorityQueue<>(
            Comparator.comparing(EngagementEvent::occurredAt).thenComparing(EngagementEvent::eventId));
    private final Map<String, Instant> lastExposure = new HashMap<>();
    private final Map<String, NavigableSet<Instant>> returns = new HashMap<>();
    private final Map<String, Tally> tallies = new TreeMap<>();
    private final List<Consumer<Instant>> afterBatch = new ArrayList<>();

    public ClosedLoop(TrueEffects truth, long seed, Instant horizon) {
        this.truth = truth;
        this.seed = seed;
        this.horizon = horizon;
    }

    /** What the simulation drew for one unit: exposures and returns per group, and messages sent. */
    public static final class Tally {
        long treated;
        long treatedReturned;
        long heldOut;
        long heldOutReturned;
        long messages;

        public long treated() { return treated; }
        public long treatedReturned() { return treatedReturned; }
        public long heldOut() { return heldOut; }
        public long heldOutReturned() { return heldOutReturned; }
        public long messages() { return messages; }
    }

    /** Runs {@code policy} after each batch with the virtual clock's time (a policy of the simulation's own). */
    public synchronized void afterEachBatch(Consumer<Instant> policy) {
        afterBatch.add(policy);
    }

    @Override
    public void publish(LedgerEntry entry, List<MessageDecision> decisions) {
        if (entry.request().purpose() != Purpose.MARKETING) return;
        String unit = entry.request().measuredBy();
        Optional<TrueEffects.Truth> effect = truth.of(unit);
        if (effect.isEmpty()) return;
        for (MessageDecision decision : decisions) {
            boolean sent = decision.kind() == MessageDecision.Kind.SENT;
            boolean withheld = decision.kind() == MessageDecision.Kind.STOPPED
                    && decision.reason() == MessageDecision.Reason.HELD_OUT;
            if (sent || withheld) exposed(entry.request().customerId(), unit, sent, decision.at(), effect.get());
        }
    }

    private synchronized void exposed(String customerId, String unit, boolean treated, Instant at,
                                      TrueEffects.Truth effect) {
        Tally tally = tallies.computeIfAbsent(unit, u -> new Tally());
        if (treated && !at.isAfter(horizon)) tally.messages++;
        String key = customerId + "|" + unit;
        Instant previous = lastExposure.get(key);
        if (previous != null && ConversionWindow.within(previous, at)) return;
        lastExposure.put(key, at);
        if (at.isAfter(horizon)) return;
        Rng rng = new Rng(mix(seed, customerId, unit, at));
        boolean cameBack = rng.chance(treated ? effect.treated() : effect.base());
        if (treated) {
            tally.treated++;
            if (cameBack) tally.treatedReturned++;
        } else {
            tally.heldOut++;
            if (cameBack) tally.heldOutReturned++;
        }
        if (!cameBack) return;
        long window = ConversionWindow.LENGTH.minus(EARLIEST_RETURN).minus(EARLIEST_RETURN).getSeconds();
        Instant back = at.plus(EARLIEST_RETURN).plusSeconds(rng.uniformLong(0, window));
        pending.add(new EngagementEvent("r-" + customerId + "-" + Long.toHexString(mix(seed, customerId, unit, at)),
                customerId, back, Optional.of(Platform.WEB), new EventPayload.SessionStarted(Platform.WEB)));
        returns.computeIfAbsent(customerId, c -> new TreeSet<>()).add(back);
    }

    /** A well-mixed key per exposure: each part goes through SplitMix64's finaliser in turn. */
    private static long mix(long seed, String customerId, String unit, Instant at) {
        long h = seed;
        for (long part : new long[]{customerId.hashCode(), unit.hashCode(), at.getEpochSecond()}) {
            h = new Rng(h ^ part).nextLong();
        }
        return h;
    }

    @Override
    public synchronized List<String> takeUntil(Instant until) {
        List<String> due = new ArrayList<>();
        while (!pending.isEmpty() && !pending.peek().occurredAt().isAfter(until)) {
            due.add(json.toJson(pending.poll()));
        }
        return due;
    }

    @Override
    public synchronized Optional<Instant> next() {
        return Optional.ofNullable(pending.peek()).map(EngagementEvent::occurredAt);
    }

    @Override
    public void fed(Instant now) {
        List<Consumer<Instant>> policies;
        synchronized (this) {
            policies = List.copyOf(afterBatch);
        }
        policies.forEach(policy -> policy.accept(now));
    }

    /** The latest return the loop drew for the customer at or before {@code at}. */
    public synchronized Optional<Instant> lastReturn(String customerId, Instant at) {
        NavigableSet<Instant> times = returns.get(customerId);
        return times == null ? Optional.empty() : Optional.ofNullable(times.floor(at));
    }

    /** What was drawn per unit. */
    public synchronized Map<String, Tally> tallies() {
        return Map.copyOf(tallies);
    }

    public TrueEffects truth() {
        return truth;
    }

    public Instant horizon() {
        return horizon;
    }
}
