package dev.winback.adapters.dynamodb;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Once-markers in DynamoDB Local: the first claim of a key wins, every later one is refused. */
class DynamoDbOnceIT {

    private final LocalTable table = LocalTable.create();
    private final DynamoDbOnce once = new DynamoDbOnce(table.client(), table.name(),
            Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void firstTime_isTrueOnlyForTheFirstCallPerKey() {
        assertThat(once.firstTime("ses-notification-1")).isTrue();
        assertThat(once.firstTime("ses-notification-1")).isFalse();
        assertThat(once.firstTime("ses-notification-1")).isFalse();
        assertThat(once.firstTime("ses-notification-2")).isTrue();
    }

    @Test
    void markDone_isSeenByDone_andMakesFirstTimeFalse() {
        assertThat(once.done("reply-7")).isFalse();

        once.markDone("reply-7");

        assertThat(once.done("reply-7")).isTrue();
        assertThat(once.firstTime("reply-7")).isFalse();
        assertThat(once.done("reply-8")).isFalse();
    }

    @Test
    void firstTime_marksTheKeyDone() {
        once.firstTime("bounce-3");

        assertThat(once.done("bounce-3")).isTrue();
    }
}
