package dev.winback.local.e2e;

import dev.winback.adapters.ses.SesEmailSender;
import dev.winback.adapters.sns.SnsPushSender;
import dev.winback.adapters.sns.SnsSmsSender;
import dev.winback.adapters.http.WebhookSecret;
import dev.winback.adapters.http.WebhookSender;
import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.delivery.Attempt;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.MessageDecision;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 delivery requests (one in six sent twice) through the real deliver handler while SNS
 * throttles, times out and loses responses after taking messages; and a second run on every channel
 * and purpose with the timer path (see {@link #everyChannelBothPurposesAndTheTimers_zeroDuplicatesAndNothingStuck}). The queue is played by hand:
 * what the handler asks to retry comes back in a later batch, as SQS would redeliver it. Afterwards
 * no message was taken twice by the provider, and every request's message is in a final state.
 */
class FaultInjectionIT {

    static final int REQUESTS = 10_000;
    static final int CUSTOMERS = 2_000;
    static final Instant AFTERNOON = Instant.parse("2026-11-23T19:00:00Z");

    @Test
    void zeroDuplicateSendsAndEveryRequestRecordedFinal() {
        String endpoint = MotoEndpoint.require();
        ProviderLog provider = new ProviderLog();
        FaultInjector faults = new FaultInjector(42, 0.10, 0.03, 0.03);
        try (SnsClient sns = MotoSns.client(endpoint, provider, faults)) {
            run(sns, provider, faults);
        }
    }

    private void run(SnsClient sns, ProviderLog provider, FaultInjector faults) {
        Random random = new Random(7);
        DeliveryFixture f = new DeliveryFixture(AFTERNOON, sns);
        String application = MotoSns.platformApplication(sns);
        List<String> enabled = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (int i = 0; i < 20; i++) enabled.add(MotoSns.pushEndpoint(sns, application, true));
        for (int i = 0; i < 5; i++) disabled.add(MotoSns.pushEndpoint(sns, application, false));
        List<EngagementEvent> setup = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = "fi-" + c;
            String endpoint = random.nextInt(5) == 0 ? disabled.get(c % disabled.size()) : enabled.get(c % enabled.size());
            setup.add(f.event(customer, new EventPayload.ProfileUpdated(Optional.empty(),
                    Optional.of("+1555" + String.format("%07d", c)), Optional.of("America/New_York"),
                    Optional.empty(), Optional.empty(), Optional.of(endpoint))));
            setup.add(f.event(customer, new EventPayload.PushPermissionChanged(true)));
        }
        for (int from = 0; from < setup.size(); from += 500) f.ingest(setup.subList(from, Math.min(setup.size(), from + 500)));

        // Transactional: no caps or quiet hours, so every request is meant to reach someone.
        List<DeliveryRequest> requests = new ArrayList<>();
        for (int r = 0; requests.size() < REQUESTS; r++) {
            String customer = "fi-" + random.nextInt(CUSTOMERS);
            List<Channel> plan = random.nextBoolean() ? List.of(Channel.PUSH, Channel.SMS) : List.of(Channel.SMS);
            // A receipt wait beyond the expiry arms no fallback timers: they would outlive this test in
            // the shared table and fire in the next test's ticks.
            DeliveryRequest base = f.request(customer, "order-" + r, Purpose.TRANSACTIONAL, plan);
            DeliveryRequest request = new DeliveryRequest(base.customerId(), base.campaignId(), base.step(),
                    base.slot(), base.purpose(), base.category(), base.channels(), base.requestedAt(),
                    base.expiresAt(), Duration.ofDays(3), base.variables());
            requests.add(request);
            if (random.nextInt(6) == 0 && requests.size() < REQUESTS) requests.add(request);
        }
        Collections.shuffle(requests, random);

        List<DeliveryRequest> pending = requests;
        int rounds = 0;
        while (!pending.isEmpty()) {
            assertThat(++rounds).as("requests still retried after many redeliveries").isLessThan(30);
            List<DeliveryRequest> again = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += 10) {
                List<DeliveryRequest> batch = pending.subList(from, Math.min(pending.size(), from + 10));
                Set<Integer> retried = retriedPositions(f, batch);
                for (int i : retried) again.add(batch.get(i));
            }
            pending = again;
            f.clock.advance(Duration.ofSeconds(5));
        }

        Map<String, Long> takenPerMessage = provider.taken().stream()
                .collect(Collectors.groupingBy(t -> t.messageId().substring(0, 35), Collectors.counting()));
        assertThat(takenPerMessage.values()).as("messages the provider took more than once").allMatch(n -> n == 1);
        Map<LedgerStatus, Integer> byStatus = new EnumMap<>(LedgerStatus.class);
        Set<MessageKey> keys = new HashSet<>();
        for (DeliveryRequest request : requests) {
            if (!keys.add(request.key())) continue;
            LedgerEntry entry = f.entry(request);
            assertThat(entry.status().isFinal()).as("final state of %s", entry.key()).isTrue();
            byStatus.merge(entry.status(), 1, Integer::sum);
        }
        // Every send the provider took is accounted for in the ledger, as sent or unknown.
        assertThat(takenPerMessage.size()).isLessThanOrEqualTo(byStatus.getOrDefault(LedgerStatus.SENT, 0)
                + byStatus.getOrDefault(LedgerStatus.UNKNOWN, 0));
        assertThat(faults.throttled.get()).isPositive();
        assertThat(faults.timedOut.get()).isPositive();
        assertThat(faults.lost.get()).isPositive();
        assertThat(byStatus.get(LedgerStatus.UNKNOWN)).isPositive();
        System.out.printf("fault injection: %d requests, %d messages %s, %d rounds; faults throttled=%d timedOut=%d lost=%d%n",
                requests.size(), keys.size(), byStatus, rounds, faults.throttled.get(), faults.timedOut.get(), faults.lost.get());
    }

    /** Monday 15:00 in New York, in a month no other test's timers use (they would fire in these ticks). */
    static final Instant MAY_AFTERNOON = Instant.parse("2026-05-04T19:00:00Z");
    static final int MIXED_REQUESTS = 2_000;
    static final int MIXED_CUSTOMERS = 400;

    /**
     * Every channel with a provider that fails (SNS for SMS and push, SES for email, a messenger
     * webhook), marketing and transactional, and the timer path: push and email wait for receipts
     * that never come and fall back on the timer, marketing is held by caps and quiet hours. The
     * queue is played by hand, then the clock runs hour by hour for three days with the resume
     * handler. No attempt reaches a provider twice, every attempt a provider took is in the ledger as
     * sent or unknown, and every message ends final with no timer.
     */
    @Test
    void everyChannelBothPurposesAndTheTimers_zeroDuplicatesAndNothingStuck() {
        String endpoint = MotoEndpoint.require();
        ProviderLog provider = new ProviderLog();
        FaultInjector snsFaults = new FaultInjector(43, 0.10, 0.03, 0.03);
        FaultInjector sesFaults = FaultInjector.onSes(44, 0.10, 0.03, 0.03);
        try (SnsClient sns = MotoSns.client(endpoint, provider, snsFaults);
             SesV2Client ses = SesV2Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(c -> SesEmailSender.clientSettings(c).addExecutionInterceptor(provider)
                             .addExecutionInterceptor(sesFaults))
                     .build();
             FaultyWebhookReceiver webhook = new FaultyWebhookReceiver(45, provider, 600)) {
            String from = "news-" + UUID.randomUUID() + "@shop.example";
            ses.createEmailIdentity(b -> b.emailIdentity(from));
            String configurationSet = "winback-" + UUID.randomUUID();
            ses.createConfigurationSet(b -> b.configurationSetName(configurationSet));
            List<ChannelSender> senders = List.of(new SnsSmsSender(sns), new SnsPushSender(sns, true),
                    new SesEmailSender(ses, from, configurationSet),
                    new WebhookSender(webhook.uri(), WebhookSecret.of("fault-injection-webhook-secret"), Clock.systemUTC(),
                            Duration.ofSeconds(1), Duration.ofMillis(300), false, false));
            runMixed(new DeliveryFixture(MAY_AFTERNOON, senders, UnaryOperator.identity()), sns, provider);
            assertThat(snsFaults.throttled.get() + snsFaults.timedOut.get() + snsFaults.lost.get()).isPositive();
            assertThat(sesFaults.throttled.get()).isPositive();
            assertThat(sesFaults.lost.get()).isPositive();
            assertThat(webhook.refused.get()).isPositive();
            assertThat(webhook.failedAfterTaking.get()).isPositive();
            assertThat(webhook.slow.get()).isPositive();
            System.out.printf("fault injection, every channel: sns %d/%d/%d, ses %d/%d/%d, webhook refused=%d failed=%d slow=%d%n",
                    snsFaults.throttled.get(), snsFaults.timedOut.get(), snsFaults.lost.get(), sesFaults.throttled.get(),
                    sesFaults.timedOut.get(), sesFaults.lost.get(), webhook.refused.get(), webhook.failedAfterTaking.get(),
                    webhook.slow.get());
        }
    }

    private void runMixed(DeliveryFixture f, SnsClient sns, ProviderLog provider) {
        Random random = new Random(11);
        String application = MotoSns.platformApplication(sns);
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 10; i++) endpoints.add(MotoSns.pushEndpoint(sns, application, i != 0));
        List<EngagementEvent> setup = new ArrayList<>();
        for (int c = 0; c < MIXED_CUSTOMERS; c++) {
            String customer = "fx-" + c;
            setup.add(f.event(customer, new EventPayload.ProfileUpdated(Optional.of(customer + "@example.com"),
                    Optional.of("+1556" + String.format("%07d", c)), Optional.of("America/New_York"),
                    Optional.empty(), Optional.empty(), Optional.of(endpoints.get(c % endpoints.size())))));
            setup.add(f.event(customer, new EventPayload.PushPermissionChanged(true)));
            for (Channel channel : List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.WEBHOOK)) {
                setup.add(f.event(customer, new EventPayload.ConsentChanged(channel, Purpose.MARKETING, true, "signup", "v1")));
            }
        }
        for (int from = 0; from < setup.size(); from += 500) f.ingest(setup.subList(from, Math.min(setup.size(), from + 500)));

        List<List<Channel>> plans = List.of(List.of(Channel.PUSH, Channel.SMS), List.of(Channel.EMAIL, Channel.WEBHOOK),
                List.of(Channel.WEBHOOK, Channel.SMS), List.of(Channel.EMAIL, Channel.PUSH, Channel.SMS),
                List.of(Channel.SMS));
        List<DeliveryRequest> requests = new ArrayList<>();
        for (int r = 0; requests.size() < MIXED_REQUESTS; r++) {
            Purpose purpose = random.nextBoolean() ? Purpose.MARKETING : Purpose.TRANSACTIONAL;
            DeliveryRequest request = f.request("fx-" + random.nextInt(MIXED_CUSTOMERS), "mixed-" + r, purpose,
                    plans.get(random.nextInt(plans.size())));
            requests.add(request);
            if (random.nextInt(6) == 0 && requests.size() < MIXED_REQUESTS) requests.add(request);
        }
        Collections.shuffle(requests, random);

        List<DeliveryRequest> pending = requests;
        for (int rounds = 1; !pending.isEmpty(); rounds++) {
            assertThat(rounds).as("requests still retried after many redeliveries").isLessThan(30);
            List<DeliveryRequest> again = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += 10) {
                List<DeliveryRequest> batch = pending.subList(from, Math.min(pending.size(), from + 10));
                for (int i : retriedPositions(f, batch)) again.add(batch.get(i));
            }
            pending = again;
            f.clock.advance(Duration.ofSeconds(5));
        }
        // The timer path: holds end, throttled attempts back off, receipt deadlines pass and fall back.
        for (int hour = 0; hour < 72; hour++) {
            f.clock.advance(Duration.ofHours(1));
            f.tick();
        }

        Map<String, Attempt.Status> attempts = new HashMap<>();
        Map<LedgerStatus, Integer> byStatus = new EnumMap<>(LedgerStatus.class);
        long fellBack = 0;
        Set<MessageKey> keys = new HashSet<>();
        for (DeliveryRequest request : requests) {
            if (!keys.add(request.key())) continue;
            LedgerEntry entry = f.entry(request);
            assertThat(entry.status().isFinal()).as("final state of %s", entry.key()).isTrue();
            assertThat(entry.timer()).as("timer left on %s (%s)", entry.key(), entry.status()).isEmpty();
            byStatus.merge(entry.status(), 1, Integer::sum);
            entry.attempts().forEach(a -> attempts.put(a.messageId(), a.status()));
            fellBack += entry.decisions().stream().filter(d -> d.kind() == MessageDecision.Kind.FELL_BACK).count();
        }
        List<String> taken = provider.taken().stream().map(ProviderLog.Taken::messageId)
                .filter(attempts::containsKey).toList();
        assertThat(new HashSet<>(taken)).as("attempts a provider took twice").hasSameSizeAs(taken);
        assertThat(taken).as("attempts a provider took that the ledger does not hold as sent or unknown")
                .allMatch(id -> attempts.get(id) == Attempt.Status.SENT || attempts.get(id) == Attempt.Status.UNKNOWN);
        assertThat(fellBack).as("fallbacks on the timer").isPositive();
        assertThat(byStatus.get(LedgerStatus.UNKNOWN)).isPositive();
        assertThat(byStatus.get(LedgerStatus.SKIPPED)).as("marketing held past its expiry").isPositive();
        System.out.printf("fault injection, every channel: %d requests, %d messages %s, %d taken, %d fallbacks%n",
                requests.size(), keys.size(), byStatus, taken.size(), fellBack);
    }

    /** Positions in the batch whose queue messages the handler asked to get again. */
    private static Set<Integer> retriedPositions(DeliveryFixture f, List<DeliveryRequest> batch) {
        Map<String, Integer> positions = new HashMap<>();
        List<String> failed = f.deliverWithIds(batch, positions);
        Set<Integer> retried = new HashSet<>();
        for (String id : failed) retried.add(positions.get(id));
        return retried;
    }
}
