package dev.winback.local.backtest.replay;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the customers stood at the end of one week, as the evaluator last judged them.
 *
 * @param week      the Monday the week starts on
 * @param customers customers with a record by the week's end
 * @param byState   customers by lifecycle state ({@code not_evaluated} before their first evaluation)
 */
record WeekSnapshot(LocalDate week, long customers, Map<String, Long> byState) {

    WeekSnapshot {
        byState = Collections.unmodifiableMap(new TreeMap<>(byState));
    }

    long inState(String state) {
        return byState.getOrDefault(state, 0L);
    }
}
