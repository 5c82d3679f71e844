package dev.winback.local.backtest.replay;

import dev.winback.core.playbook.ActionRequest;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Signals, actions and messages per unit of measurement: a playbook rule's campaign, or a journey.
 * Actions are counted once per idempotency key, however often the evaluator published them; a
 * signal is one transition (customer, signal type, since), so a customer whose signal clears and
 * comes back counts twice.
 */
record RuleTally(List<Row> rows, Map<String, Long> signalsByType) {

    /**
     * @param signals           the signal types that requested the unit's actions (none for journeys)
     * @param actions           the retention actions the unit requested
     * @param signalTransitions distinct transitions that requested the unit's actions
     * @param actionsRequested  distinct action requests
     * @param customersReached  customers with a message sent or held out
     * @param notSentByReason   messages neither sent nor held out, by the reason delivery gave
     */
    record Row(String unit, boolean rule, Set<String> signals, Set<String> actions, long signalTransitions,
               long actionsRequested, long sent, long heldOut, long notSent, long pending, long customersReached,
               Map<String, Long> notSentByReason) {
    }

    static RuleTally of(Collection<ActionRequest> published, Collection<DecidedMessage> messages) {
        Map<String, Builder> units = new TreeMap<>();
        Map<String, Set<String>> transitionsByType = new TreeMap<>();
        Set<String> seenKeys = new HashSet<>();
        for (ActionRequest request : published) {
            if (!seenKeys.add(request.idempotencyKey())) continue;
            Builder unit = units.computeIfAbsent(request.campaignId(), Builder::new);
            String transition = transition(request);
            unit.rule = true;
            unit.signals.add(request.signalType().wireName());
            unit.actions.add(request.action().wireName());
            unit.transitions.add(transition);
            unit.actionsRequested++;
            transitionsByType.computeIfAbsent(request.signalType().wireName(), t -> new HashSet<>()).add(transition);
        }
        for (DecidedMessage message : messages) {
            Builder unit = units.computeIfAbsent(message.unit(), Builder::new);
            unit.rule |= message.fromRule();
            switch (message.outcome()) {
                case SENT -> unit.sent++;
                case HELD_OUT -> unit.heldOut++;
                case NOT_SENT -> unit.notSentByReason.merge(message.reason(), 1L, Long::sum);
                case PENDING -> unit.pending++;
            }
            if (message.decided()) unit.reached.add(message.customerId());
        }
        List<Row> rows = units.values().stream().map(Builder::row)
                .sorted(Comparator.comparing((Row r) -> !r.rule()).thenComparing(Row::unit)).toList();
        Map<String, Long> signals = new TreeMap<>();
        transitionsByType.forEach((type, transitions) -> signals.put(type, (long) transitions.size()));
        return new RuleTally(rows, signals);
    }

    private static String transition(ActionRequest request) {
        return request.customerId() + '\u0000' + request.signalType().wireName() + '\u0000' + request.signalSince();
    }

    long signals() {
        return signalsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    long actions() {
        return rows.stream().mapToLong(Row::actionsRequested).sum();
    }

    long sent() {
        return rows.stream().mapToLong(Row::sent).sum();
    }

    long heldOut() {
        return rows.stream().mapToLong(Row::heldOut).sum();
    }

    private static final class Builder {
        final String unit;
        boolean rule;
        final Set<String> signals = new TreeSet<>();
        final Set<String> actions = new TreeSet<>();
        final Set<String> transitions = new HashSet<>();
        final Set<String> reached = new HashSet<>();
        final Map<String, Long> notSentByReason = new TreeMap<>();
        long actionsRequested;
        long sent;
        long heldOut;
        long pending;

        Builder(String unit) {
            this.unit = unit;
        }

        Row row() {
            long notSent = notSentByReason.values().stream().mapToLong(Long::longValue).sum();
            return new Row(unit, rule, Collections.unmodifiableSet(signals), Collections.unmodifiableSet(actions), transitions.size(),
                    actionsRequested, sent, heldOut, notSent, pending, reached.size(),
                    new LinkedHashMap<>(notSentByReason));
        }
    }
}
