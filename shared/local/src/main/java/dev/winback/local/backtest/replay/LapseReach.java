package dev.winback.local.backtest.replay;

import dev.winback.core.event.Purpose;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Would the playbook have reached the customers who went on to lapse, while it still could?
 *
 * <p>The calibration period ends with {@code calibrationEnd} (inclusive, UTC); the holdout period
 * runs from the next day to the last purchase in the history. A customer <b>lapsed</b> in the holdout
 * period when they bought at least once in the calibration period and never in the holdout period;
 * they <b>returned</b> when they bought in both. Their <b>lapse point</b> is the calibration end: the
 * last moment at which a purchase would still have counted them as retained. A customer was
 * <b>reached before lapsing</b> when a marketing message to them was decided (sent, or held out for
 * measurement, which the playbook decides the same way) after their last calibration purchase and
 * before the lapse point: the playbook noticed the silence and acted on it in time. The same measure
 * over the customers who returned shows how selective that is.
 *
 * @param lapsedReachedSent   of those reached, the ones with a message actually sent (not held out)
 * @param lapsedReachedLater  lapsed customers first reached only in the holdout period, too late
 * @param medianDaysToReach   lapsed and reached: median days from the last purchase to the first message
 * @param newInHoldout        customers whose first purchase falls in the holdout period (not judged)
 */
record LapseReach(LocalDate calibrationEnd, LocalDate holdoutEnd, long lapsed, long lapsedReached,
                  long lapsedReachedSent, long lapsedReachedLater, OptionalDouble medianDaysToReach, long returned,
                  long returnedReached, long newInHoldout) {

    static LapseReach of(Map<String, List<Instant>> purchases, Collection<DecidedMessage> messages,
                         LocalDate calibrationEnd) {
        Instant cutoff = calibrationEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, List<DecidedMessage>> decided = new HashMap<>();
        for (DecidedMessage m : messages) {
            if (m.decided() && m.purpose() == Purpose.MARKETING) {
                decided.computeIfAbsent(m.customerId(), c -> new ArrayList<>()).add(m);
            }
        }
        decided.values().forEach(list -> list.sort(Comparator.comparing(m -> m.decidedAt().orElseThrow())));
        Instant last = purchases.values().stream().flatMap(List::stream).max(Comparator.naturalOrder())
                .orElse(cutoff);
        long lapsed = 0, lapsedReached = 0, lapsedReachedSent = 0, lapsedReachedLater = 0;
        long returned = 0, returnedReached = 0, newInHoldout = 0;
        List<Double> daysToReach = new ArrayList<>();
        for (Map.Entry<String, List<Instant>> customer : purchases.entrySet()) {
            Optional<Instant> lastBefore = customer.getValue().stream().filter(t -> t.isBefore(cutoff))
                    .max(Comparator.naturalOrder());
            boolean boughtAfter = customer.getValue().stream().anyMatch(t -> !t.isBefore(cutoff));
            if (lastBefore.isEmpty()) {
                if (boughtAfter) newInHoldout++;
                continue;
            }
            List<DecidedMessage> afterLastPurchase = decided.getOrDefault(customer.getKey(), List.of()).stream()
                    .filter(m -> m.decidedAt().orElseThrow().isAfter(lastBefore.get())).toList();
            List<DecidedMessage> inTime = afterLastPurchase.stream()
                    .filter(m -> m.decidedAt().orElseThrow().isBefore(cutoff)).toList();
            if (boughtAfter) {
                returned++;
                if (!inTime.isEmpty()) returnedReached++;
                continue;
            }
            lapsed++;
            if (!inTime.isEmpty()) {
                lapsedReached++;
                if (inTime.stream().anyMatch(m -> m.outcome() == DecidedMessage.Outcome.SENT)) lapsedReachedSent++;
                Duration wait = Duration.between(lastBefore.get(), inTime.getFirst().decidedAt().orElseThrow());
                daysToReach.add(wait.toMinutes() / 1440.0);
            } else if (!afterLastPurchase.isEmpty()) {
                lapsedReachedLater++;
            }
        }
        return new LapseReach(calibrationEnd, LocalDate.ofInstant(last, ZoneOffset.UTC), lapsed, lapsedReached,
                lapsedReachedSent, lapsedReachedLater, median(daysToReach), returned, returnedReached, newInHoldout);
    }

    static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) return OptionalDouble.empty();
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return OptionalDouble.of(sorted.size() % 2 == 1 ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    /** The share of {@code part} in {@code whole}; 0 for an empty whole. */
    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
