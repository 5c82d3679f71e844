package dev.winback.local.backtest.replay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.winback.local.backtest.replay.Messages.heldOut;
import static dev.winback.local.backtest.replay.Messages.notSent;
import static dev.winback.local.backtest.replay.Messages.sent;
import static dev.winback.local.backtest.replay.Messages.transactional;
import static org.assertj.core.api.Assertions.assertThat;

class LapseReachTest {

    static final LocalDate CALIBRATION_END = LocalDate.parse("2000-03-31");
    static final String UNIT = "lapsed-any-channel";

    final Map<String, List<Instant>> purchases = new LinkedHashMap<>();

    void bought(String customerId, String... days) {
        purchases.put(customerId, Arrays.stream(days).map(d -> Instant.parse(d + "T12:00:00Z")).toList());
    }

    @Test
    void countsTheLapsedReachedAfterTheirLastPurchaseAndBeforeTheCalibrationEnd() {
        bought("a", "2000-03-01");               // lapsed, reached (sent) 14 days later
        bought("b", "2000-03-01");               // lapsed, reached (held out) 9 days later
        bought("c", "2000-03-01");               // lapsed, first reached in the holdout period
        bought("d", "2000-03-01");               // lapsed, messaged only before the purchase
        bought("e", "2000-03-01", "2000-05-01"); // returned, reached
        bought("f", "2000-03-01", "2000-05-01"); // returned, not reached
        bought("g", "2000-05-01");               // new in the holdout period
        bought("h", "2000-03-01");               // lapsed: a transactional message and one not sent
        bought("i", "2000-03-01");               // lapsed, messaged exactly at the cutoff: too late

        LapseReach reach = LapseReach.of(purchases, List.of(
                sent("a", UNIT, "2000-03-15T12:00:00Z"),
                heldOut("b", UNIT, "2000-03-10T12:00:00Z"),
                sent("c", UNIT, "2000-04-10T12:00:00Z"),
                sent("d", UNIT, "2000-02-20T12:00:00Z"),
                sent("e", UNIT, "2000-03-20T12:00:00Z"),
                transactional("h", "order-confirmation", "2000-03-02T12:00:00Z"),
                notSent("h", UNIT, "no_consent"),
                sent("i", UNIT, "2000-04-01T00:00:00Z")), CALIBRATION_END);

        assertThat(reach.lapsed()).isEqualTo(6);
        assertThat(reach.lapsedReached()).isEqualTo(2);
        assertThat(reach.lapsedReachedSent()).isEqualTo(1);
        assertThat(reach.lapsedReachedLater()).isEqualTo(2);
        assertThat(reach.medianDaysToReach()).hasValue(11.5);
        assertThat(reach.returned()).isEqualTo(2);
        assertThat(reach.returnedReached()).isEqualTo(1);
        assertThat(reach.newInHoldout()).isEqualTo(1);
        assertThat(reach.holdoutEnd()).isEqualTo(LocalDate.parse("2000-05-01"));
        assertThat(LapseReach.share(reach.lapsedReached(), reach.lapsed())).isEqualTo(2.0 / 6);
    }

    @Test
    void aPurchaseOnTheCalibrationEndCountsInTheCalibrationPeriod() {
        bought("a", "2000-03-31");
        bought("b", "2000-04-01");

        LapseReach reach = LapseReach.of(purchases, List.of(), CALIBRATION_END);

        assertThat(reach.lapsed()).isEqualTo(1);
        assertThat(reach.newInHoldout()).isEqualTo(1);
        assertThat(reach.lapsedReached()).isZero();
        assertThat(reach.medianDaysToReach()).isEmpty();
    }

    @Test
    void median_andShare() {
        assertThat(LapseReach.median(List.of(3.0, 1.0, 2.0))).hasValue(2.0);
        assertThat(LapseReach.median(List.of(4.0, 1.0))).hasValue(2.5);
        assertThat(LapseReach.median(List.of())).isEmpty();
        assertThat(LapseReach.share(1, 4)).isEqualTo(0.25);
        assertThat(LapseReach.share(0, 0)).isZero();
    }
}
