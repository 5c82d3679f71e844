package dev.winback.local.e2e;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.functions.feedback.FeedbackComposition;
import dev.winback.functions.feedback.ProcessFeedbackHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feedback that could not be stored is never dropped: while DynamoDB Local fails, the feedback
 * function fails the invocation (so Lambda retries it, then hands it to the failure destination in
 * template.yaml), and the same notification delivered again once DynamoDB is back is stored.
 */
class FeedbackRetryIT {

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    private final IngestFixture fixture = IngestFixture.get();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private final AtomicBoolean dynamoDbDown = new AtomicBoolean();
    private final DynamoDbClient failing = DynamoDbClient.builder()
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                    if (dynamoDbDown.get()) {
                        throw SdkClientException.create("injected: DynamoDB unreachable", new IOException("Connection refused"));
                    }
                }
            })).build();
    private final AwsClients clients = new AwsClients(failing);
    private final EngagementTable table = new EngagementTable(fixture.config, clients, clock);
    private final ProcessFeedbackHandler handler = new ProcessFeedbackHandler(new FeedbackComposition(
            table, new Ingestion(table, clock, fixture.writers), arn -> Optional.empty(), (to, from, text) -> { },
            reply -> { }, new DynamoDbOnce(failing, fixture.config.tableName(), clock), clock));

    @AfterEach
    void close() {
        clients.close();
        failing.close();
    }

    @Test
    void aComplaintThatCouldNotBeStored_failsTheInvocation_andIsStoredWhenRetried() {
        String c = customer();
        String complaint = SnsNotifications.fixture("sns-ses-complaint.json")
                .replace("c-fb-0001", c).replace("ana.canary@example.com", c + "@example.net");
        assertStoredOnlyOnRetry(complaint);
        ChannelState email = fixture.records(List.of(c)).get(c).record().channel(Channel.EMAIL);
        assertThat(email.subscription().value()).isEqualTo(SubscriptionStatus.COMPLAINED);
    }

    @Test
    void aBounceFoundByAddress_failsTheInvocationWhileTheLookupFails() {
        String c = customer();
        // No customer tag: the recipient is looked up in the contact index first.
        String bounce = SnsNotifications.fixture("sns-ses-bounce-permanent.json")
                .replace("ana.canary@example.com", c + "@example.net");
        assertStoredOnlyOnRetry(bounce);
        assertThat(fixture.records(List.of(c)).get(c).record().channel(Channel.EMAIL).reachability().value())
                .isEqualTo(dev.winback.core.record.Reachability.UNREACHABLE);
    }

    @Test
    void aStopThatCouldNotBeStored_failsTheInvocation_andIsStoredWhenRetried() {
        String c = customer();
        String stop = SnsNotifications.fixture("sns-sms-inbound-stop.json")
                .replace("+15550100999", phoneOf(c)).replace("inbound-", "inbound-" + c + "-");
        assertStoredOnlyOnRetry(stop);
        ChannelState sms = fixture.records(List.of(c)).get(c).record().channel(Channel.SMS);
        assertThat(sms.consent().get(Purpose.MARKETING).value().granted()).isFalse();
    }

    private void assertStoredOnlyOnRetry(String message) {
        dynamoDbDown.set(true);
        assertThatThrownBy(() -> handler.handleRequest(SnsNotifications.of(message), null))
                .as("a store failure fails the invocation, so Lambda retries it")
                .isInstanceOf(RuntimeException.class);
        dynamoDbDown.set(false);
        handler.handleRequest(SnsNotifications.of(message), null);
    }

    private String customer() {
        String c = "c-fb-retry-" + CUSTOMERS.incrementAndGet();
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        ingest(new EngagementEvent(c + "-profile", c, at, Optional.empty(), new EventPayload.ProfileUpdated(
                Optional.of(c + "@example.net"), Optional.of(phoneOf(c)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())));
        ingest(new EngagementEvent(c + "-email", c, at, Optional.empty(), new EventPayload.ConsentChanged(Channel.EMAIL,
                Purpose.MARKETING, true, "signup", "v1")));
        ingest(new EngagementEvent(c + "-sms", c, at, Optional.empty(), new EventPayload.ConsentChanged(Channel.SMS,
                Purpose.MARKETING, true, "signup", "v1")));
        return c;
    }

    private static String phoneOf(String customer) {
        return "+1555" + String.format("%07d", Math.abs(customer.hashCode() + 7) % 10_000_000);
    }

    private void ingest(EngagementEvent event) {
        assertThat(fixture.sendBodies(List.of(fixture.json(event)))).isEmpty();
    }
}
