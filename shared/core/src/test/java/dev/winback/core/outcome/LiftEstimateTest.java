package dev.winback.core.outcome;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LiftEstimateTest {

    private static final LocalDate DAY = LocalDate.parse("2026-07-01");

    private static OutcomeCount count(LocalDate day, Assignment group, long exposed, long converted, long messages,
                                      Map<String, BigDecimal> revenue) {
        return new OutcomeCount("winback", day, group, exposed, converted, messages, revenue);
    }

    @Test
    void of_whenGroupsDiffer_computesRatesLiftAndTheWaldInterval() {
        // Treated 60 of 200 (0.30), comparison 10 of 50 (0.20): lift 0.10,
        // se = sqrt(0.3·0.7/200 + 0.2·0.8/50) = sqrt(0.00105 + 0.0032) = sqrt(0.00425) = 0.0651920,
        // interval 0.10 ± 1.959964·0.0651920 = 0.10 ± 0.1277740.
        LiftEstimate estimate = LiftEstimate.of("winback", DAY, DAY.plusDays(1), List.of(
                count(DAY, Assignment.TREATED, 120, 40, 150, Map.of("EUR", new BigDecimal("300.00"))),
                count(DAY.plusDays(1), Assignment.TREATED, 80, 20, 90, Map.of("EUR", new BigDecimal("100.00"))),
                count(DAY, Assignment.HELD_OUT, 30, 6, 0, Map.of("EUR", new BigDecimal("50.00"))),
                count(DAY, Assignment.CONTROL, 20, 4, 0, Map.of())));

        assertThat(estimate.treated().exposed()).isEqualTo(200);
        assertThat(estimate.treated().converted()).isEqualTo(60);
        assertThat(estimate.comparison().exposed()).isEqualTo(50);
        assertThat(estimate.comparison().converted()).isEqualTo(10);
        assertThat(estimate.treated().rate()).isCloseTo(0.30, within(1e-12));
        assertThat(estimate.comparison().rate()).isCloseTo(0.20, within(1e-12));
        assertThat(estimate.lift()).isCloseTo(0.10, within(1e-12));
        assertThat(estimate.standardError()).isCloseTo(0.0651920, within(1e-6));
        assertThat(estimate.lower()).isCloseTo(-0.0277740, within(1e-6));
        assertThat(estimate.upper()).isCloseTo(0.2277740, within(1e-6));
        assertThat(estimate.treated().revenuePerCustomer().get("EUR")).isEqualByComparingTo("2");
        assertThat(estimate.comparison().revenuePerCustomer().get("EUR")).isEqualByComparingTo("1");
        // 240 messages for 60 retained treated customers.
        assertThat(estimate.messagesPerRetained()).isCloseTo(4.0, within(1e-12));
        assertThat(estimate.measurable()).isTrue();
    }

    @Test
    void of_countsOnlyTheUnitsDaysInTheRange() {
        LiftEstimate estimate = LiftEstimate.of("winback", DAY, DAY, List.of(
                count(DAY, Assignment.TREATED, 10, 5, 10, Map.of()),
                count(DAY.plusDays(1), Assignment.TREATED, 99, 99, 99, Map.of()),
                count(DAY.minusDays(1), Assignment.HELD_OUT, 99, 0, 0, Map.of()),
                new OutcomeCount("other", DAY, Assignment.HELD_OUT, 99, 0, 0, Map.of())));

        assertThat(estimate.treated().exposed()).isEqualTo(10);
        assertThat(estimate.comparison().exposed()).isZero();
        assertThat(estimate.measurable()).isFalse();
        assertThat(estimate.lift()).isNaN();
        assertThat(estimate.messagesPerRetained()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void z_isTheNormalQuantile() {
        assertThat(LiftEstimate.Z_95).isCloseTo(
                new org.hipparchus.distribution.continuous.NormalDistribution(0, 1).inverseCumulativeProbability(0.975),
                within(1e-12));
    }
}
