package dev.winback.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ROC curve of a ranking: going down from the highest score, the share of positives caught
 * (true positive rate) against the share of negatives caught with them (false positive rate), one
 * point per distinct score, from (0, 0) to (1, 1). Its area is {@link RankingAuc}.
 */
public record RocCurve(List<Point> points) {

    public record Point(double falsePositiveRate, double truePositiveRate) {
    }

    public RocCurve {
        points = List.copyOf(points);
        Objects.requireNonNull(points, "points");
    }

    /** The curve of {@code scores} for the outcomes {@code positive}; empty when either outcome is missing. */
    public static RocCurve of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return new RocCurve(List.of());
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        long truePositives = 0;
        long falsePositives = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
                if (positive[order[end]]) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
                end++;
            }
            points.add(new Point((double) falsePositives / negatives, (double) truePositives / positives));
            start = end;
        }
        return new RocCurve(points);
    }

    /** The area under the curve by the trapezoid rule; equals {@link RankingAuc} on the same scores. */
    public double area() {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            Point previous = points.get(i - 1);
            Point point = points.get(i);
            area += (point.falsePositiveRate() - previous.falsePositiveRate())
                    * (point.truePositiveRate() + previous.truePositiveRate()) / 2;
        }
        return area;
    }
}
