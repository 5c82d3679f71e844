package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingAucTest {

    @Test
    void of_perfectAndReversedAndTiedRankings() {
        boolean[] labels = {false, false, true, true};

        assertThat(RankingAuc.of(new double[] {1, 2, 3, 4}, labels)).hasValue(1.0);
        assertThat(RankingAuc.of(new double[] {4, 3, 2, 1}, labels)).hasValue(0.0);
        assertThat(RankingAuc.of(new double[] {5, 5, 5, 5}, labels)).hasValue(0.5);
    }

    @Test
    void of_oneOutcomeOnly_isUndefined() {
        assertThat(RankingAuc.of(new double[] {1, 2}, new boolean[] {true, true})).isEmpty();
    }

    /** Mann-Whitney with mid-ranks equals counting pairs, a tie counting one half. */
    @Test
    void of_equalsPairCounting_withManyTies() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(60);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(6);
                labels[i] = random.nextBoolean();
            }
            labels[0] = true;
            labels[1] = false;

            assertThat(RankingAuc.of(scores, labels).orElseThrow()).isCloseTo(pairCount(scores, labels), within(1e-12));
        }
    }

    private static double pairCount(double[] scores, boolean[] labels) {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] && !labels[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
