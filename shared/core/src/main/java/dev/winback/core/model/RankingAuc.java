package dev.winback.core.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Area under the ROC curve of a score for a yes/no outcome, as the Mann-Whitney statistic: the chance
 * that a random positive scores above a random negative, ties counting one half (mid-ranks).
 */
public final class RankingAuc {

    private RankingAuc() {
    }

    public static <T> OptionalDouble of(List<T> items, ToDoubleFunction<T> score, Predicate<T> positive) {
        double[] scores = new double[items.size()];
        boolean[] labels = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            scores[i] = score.applyAsDouble(items.get(i));
            labels[i] = positive.test(items.get(i));
        }
        return of(scores, labels);
    }

    public static OptionalDouble of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return OptionalDouble.empty(); // undefined with one outcome only
        }
        return OptionalDouble.of((positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives));
    }
}
