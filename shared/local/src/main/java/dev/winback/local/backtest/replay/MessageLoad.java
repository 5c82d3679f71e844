package dev.winback.local.backtest.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many messages customers received, per customer per week: the pestering the playbook would
 * cause. A customer counts in a week's denominator from the week of their first event on.
 *
 * @param sentByWeek       messages sent in each week
 * @param customerWeeks    the sum over weeks of the customers known by then
 * @param weeksWithCount   how many customer-weeks had exactly n messages, for n of at least 1
 * @param maxInAWeek       the most messages one customer got in one week
 */
record MessageLoad(Map<LocalDate, Long> sentByWeek, long sent, long customerWeeks,
                   Map<Integer, Long> weeksWithCount, int maxInAWeek) {

    record Sent(String customerId, Instant at) {
    }

    MessageLoad {
        sentByWeek = Collections.unmodifiableMap(new TreeMap<>(sentByWeek));
        weeksWithCount = Collections.unmodifiableMap(new TreeMap<>(weeksWithCount));
    }

    /** @param knownByWeek customers known by the end of each week of the replay */
    static MessageLoad of(List<Sent> sent, Map<LocalDate, Long> knownByWeek) {
        Map<LocalDate, Long> byWeek = new TreeMap<>();
        knownByWeek.keySet().forEach(week -> byWeek.put(week, 0L));
        Map<String, Map<LocalDate, Integer>> perCustomer = new HashMap<>();
        for (Sent s : sent) {
            LocalDate week = Weeks.weekOf(s.at());
            byWeek.merge(week, 1L, Long::sum);
            perCustomer.computeIfAbsent(s.customerId(), c -> new HashMap<>()).merge(week, 1, Integer::sum);
        }
        Map<Integer, Long> withCount = new TreeMap<>();
        int max = 0;
        for (Map<LocalDate, Integer> weeks : perCustomer.values()) {
            for (int count : weeks.values()) {
                withCount.merge(count, 1L, Long::sum);
                max = Math.max(max, count);
            }
        }
        long customerWeeks = knownByWeek.values().stream().mapToLong(Long::longValue).sum();
        return new MessageLoad(byWeek, sent.size(), customerWeeks, withCount, max);
    }

    /** Messages per customer per week over the whole replay; 0 when nobody was known. */
    double perCustomerWeek() {
        return customerWeeks == 0 ? 0 : (double) sent / customerWeeks;
    }

    /** Messages per known customer in one week; 0 when nobody was known yet. */
    static double perCustomer(long sentInWeek, long known) {
        return known == 0 ? 0 : (double) sentInWeek / known;
    }

    /** Customer-weeks with at least {@code n} messages. */
    long weeksWithAtLeast(int n) {
        return weeksWithCount.entrySet().stream().filter(e -> e.getKey() >= n).mapToLong(Map.Entry::getValue).sum();
    }
}
