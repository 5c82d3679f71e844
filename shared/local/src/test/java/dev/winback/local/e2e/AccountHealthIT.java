package dev.winback.local.e2e;

import dev.winback.adapters.dynamodb.AccountHealth;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.functions.feedback.FeedbackComposition;
import dev.winback.functions.feedback.ProcessFeedbackHandler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account-health guard on DynamoDB Local, through the feedback function: each alarm keeps its own
 * state, so marketing email stays paused while any alarm is in ALARM, and an alarm's changes are
 * ordered by instant, not by how their timestamps sort as text. Every test ends with its alarms OK
 * (the flag is shared by the whole table).
 */
class AccountHealthIT {

    private static final AtomicInteger RUNS = new AtomicInteger();
    /** Alarm names of this test alone, so that tests never see each other's alarm states. */
    private final String bounce = "winback-EmailBounceRateAlarm-it" + RUNS.incrementAndGet();
    private final String complaint = "winback-EmailComplaintRateAlarm-it" + RUNS.get();

    private final IngestFixture fixture = IngestFixture.get();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private final ProcessFeedbackHandler handler = new ProcessFeedbackHandler(new FeedbackComposition(
            fixture.table, fixture.ingestion, arn -> Optional.empty(),
            (to, from, text) -> { }, reply -> { },
            new DynamoDbOnce(fixture.clients.dynamoDb(), fixture.config.tableName(), clock), clock));
    private final AccountHealth health = new AccountHealth(fixture.clients.dynamoDb(), fixture.config.tableName());

    @Test
    void oneAlarmsOk_doesNotClearTheOtherAlarmsPause() {
        alarm(bounce, "ALARM", "2026-11-20T10:00:00.000+0000");
        alarm(complaint, "ALARM", "2026-11-20T10:15:00.000+0000");
        alarm(bounce, "OK", "2026-11-20T11:00:00.000+0000");
        assertThat(health.marketingEmailPaused()).as("the complaint-rate alarm is still in ALARM").isTrue();

        alarm(complaint, "OK", "2026-11-20T12:00:00.000+0000");
        assertThat(health.marketingEmailPaused()).isFalse();
    }

    @Test
    void anAlarmsChangesAreOrderedAsInstants_notAsText() {
        // As text "…10:00:00Z" sorts after "…10:00:00.500Z"; as instants it is half a second earlier.
        alarm(bounce, "OK", "2026-11-20T20:00:00.000+0000");
        alarm(bounce, "ALARM", "2026-11-20T20:00:00.500+0000");
        assertThat(health.marketingEmailPaused()).as("the later ALARM wins").isTrue();

        alarm(bounce, "OK", "2026-11-20T20:00:00.000+0000");
        assertThat(health.marketingEmailPaused()).as("the earlier OK replayed does not resume").isTrue();

        alarm(bounce, "OK", "2026-11-20T21:00:00.000+0000");
        assertThat(health.marketingEmailPaused()).isFalse();
    }

    private void alarm(String name, String state, String changedAt) {
        String message = SnsNotifications.fixture("sns-cloudwatch-alarm-bounce-rate.json")
                .replace("winback-EmailBounceRateAlarm-ABC", name)
                .replace("\"NewStateValue\": \"ALARM\"", "\"NewStateValue\": \"" + state + "\"")
                .replace("2026-11-20T10:00:00.000+0000", changedAt);
        handler.handleRequest(SnsNotifications.of(message), null);
    }
}
