package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    private static final List<RiskFeature> TWO = List.of(RiskFeature.WEEKS_SINCE_LAST_PURCHASE, RiskFeature.MEAN_ORDER_VALUE);

    @Test
    void fit_recoversTheCoefficientsThatMadeTheOutcomes() {
        Random random = new Random(11);
        int n = 40_000;
        double[][] rows = new double[n][];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            double weeks = 10 + 4 * random.nextGaussian();
            double value = -3 + 2 * random.nextGaussian();
            rows[i] = new double[] {weeks, value};
            double logOdds = -0.5 + 1.2 * (weeks - 10) / 4 - 0.7 * (value + 3) / 2;
            positive[i] = random.nextDouble() < 1 / (1 + Math.exp(-logOdds));
        }

        RiskRanking ranking = LogisticRegression.fit(TWO, rows, positive);

        assertThat(ranking.centres()[0]).isCloseTo(10, within(0.1));
        assertThat(ranking.scales()[1]).isCloseTo(2, within(0.05));
        assertThat(ranking.intercept()).isCloseTo(-0.5, within(0.05));
        assertThat(ranking.coefficient(RiskFeature.WEEKS_SINCE_LAST_PURCHASE)).isCloseTo(1.2, within(0.05));
        assertThat(ranking.coefficient(RiskFeature.MEAN_ORDER_VALUE)).isCloseTo(-0.7, within(0.05));
    }

    @Test
    void fit_separableOutcomes_staysFiniteAndRanksThem() {
        double[][] rows = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};
        boolean[] positive = {false, false, true, true};

        RiskRanking ranking = LogisticRegression.fit(TWO, rows, positive);

        assertThat(ranking.coefficient(RiskFeature.WEEKS_SINCE_LAST_PURCHASE)).isPositive().isLessThan(1e3);
        assertThat(ranking.coefficient(RiskFeature.MEAN_ORDER_VALUE)).as("a constant feature").isZero();
    }
}
