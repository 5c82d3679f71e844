package dev.winback.adapters.dynamodb;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The account-health guard as a sending pause, over the flag in DynamoDB Local. */
class AccountHealthPausesIT {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final AccountHealth health = new AccountHealth(table.client(), table.name());

    @Test
    void anAlarm_pausesMarketingEmailOnly() {
        health.alarm("bounce-rate", true, AT);
        AccountHealthPauses pauses = new AccountHealthPauses(health, ElapsedTime.following(Clock.fixed(AT, ZoneOffset.UTC)),
                Duration.ofMinutes(1));

        assertThat(pauses.paused(Channel.EMAIL, Purpose.MARKETING)).isTrue();
        assertThat(pauses.paused(Channel.EMAIL, Purpose.TRANSACTIONAL)).isFalse();
        assertThat(pauses.paused(Channel.SMS, Purpose.MARKETING)).isFalse();
    }

    @Test
    void noAlarm_noPause() {
        AccountHealthPauses pauses = new AccountHealthPauses(health, ElapsedTime.following(Clock.fixed(AT, ZoneOffset.UTC)),
                Duration.ofMinutes(1));

        assertThat(pauses.paused(Channel.EMAIL, Purpose.MARKETING)).isFalse();
    }

    @Test
    void anUnreadableFlag_holdsMarketingEmail() {
        AccountHealth missingTable = new AccountHealth(table.client(), table.name() + "-missing");
        AccountHealthPauses pauses = new AccountHealthPauses(missingTable, ElapsedTime.following(Clock.fixed(AT, ZoneOffset.UTC)),
                Duration.ofMinutes(1));

        assertThat(pauses.paused(Channel.EMAIL, Purpose.MARKETING)).isTrue();
    }
}
