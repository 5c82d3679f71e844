package dev.winback.adapters.dynamodb;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The account-health guard's state in DynamoDB Local: per alarm, latest change wins; any alarm pauses. */
class AccountHealthIT {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final AccountHealth health = new AccountHealth(table.client(), table.name());

    @Test
    void nothingStored_isNotPaused() {
        assertThat(health.marketingEmailPaused()).isFalse();
    }

    @Test
    void alarm_roundTrips_andOk_liftsThePause() {
        health.alarm("bounce-rate", true, T0);
        assertThat(health.marketingEmailPaused()).isTrue();

        health.alarm("bounce-rate", false, T0.plusSeconds(60));
        assertThat(health.marketingEmailPaused()).isFalse();
    }

    @Test
    void anOlderState_neverOverwritesANewerOne() {
        health.alarm("complaint-rate", true, T0.plusSeconds(60));
        health.alarm("complaint-rate", false, T0);

        assertThat(health.marketingEmailPaused()).isTrue();
    }

    @Test
    void oneAlarmsOk_doesNotClearAnotherAlarmsPause() {
        health.alarm("bounce-rate", true, T0);
        health.alarm("complaint-rate", false, T0.plusSeconds(60));

        assertThat(health.marketingEmailPaused()).isTrue();
    }

    @Test
    void timesAreComparedAsNumbers_notAsText() {
        // 999 ms and 1000 ms: as text "999" sorts after "1000".
        health.alarm("bounce-rate", false, Instant.ofEpochMilli(1000));
        health.alarm("bounce-rate", true, Instant.ofEpochMilli(999));

        assertThat(health.marketingEmailPaused()).isFalse();
    }
}
