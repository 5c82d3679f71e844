package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void of_stepsDownTheScoresWithTiesAsOneStep() {
        double[] scores = {0.9, 0.8, 0.8, 0.3};
        boolean[] positive = {true, true, false, false};

        RocCurve curve = RocCurve.of(scores, positive);

        assertThat(curve.points()).containsExactly(
                new RocCurve.Point(0, 0),
                new RocCurve.Point(0, 0.5),
                new RocCurve.Point(0.5, 1),
                new RocCurve.Point(1, 1));
        assertThat(curve.area()).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void area_equalsTheRankingAuc() {
        Random random = new Random(7);
        double[] scores = new double[500];
        boolean[] positive = new boolean[500];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = random.nextBoolean();
            scores[i] = Math.round((positive[i] ? 1 : 0) + random.nextGaussian() * 2); // coarse: many ties
        }

        assertThat(RocCurve.of(scores, positive).area()).isCloseTo(RankingAuc.of(scores, positive).orElseThrow(), within(1e-12));
    }

    @Test
    void of_oneOutcomeOnly_hasNoCurve() {
        assertThat(RocCurve.of(new double[] {1, 2}, new boolean[] {true, true}).points()).isEmpty();
    }
}
