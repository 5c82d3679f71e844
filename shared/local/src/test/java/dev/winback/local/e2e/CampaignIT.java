package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.adapters.config.Campaigns;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.core.campaign.CampaignMessages;
import dev.winback.core.campaign.CampaignState;
import dev.winback.core.campaign.CampaignStore;
import dev.winback.core.campaign.SendCampaigns;
import dev.winback.core.event.Channel;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.HoldoutShares;
import dev.winback.local.runtime.LocalRuntime;
import dev.winback.local.runtime.delivery.LocalOutbox;
import dev.winback.local.runtime.schedule.LocalSchedules;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-off campaign to 5,000 customers in four time zones through the local runtime: started twice,
 * a run cut short by its budget, another killed after handing a page to delivery and before storing
 * its cursor, then the schedule takes over. Every eligible customer gets exactly one message, the
 * others are skipped with their reason, marketing push waits for 08:00 in each customer's own zone,
 * and the counts by decision match. A second, small campaign goes out at 09:00 in each customer's time.
 */
class CampaignIT {

    static final Instant START = Instant.parse("2026-12-07T21:00:00Z");
    /** 07:00 in Tokyo, 23:00 in Berlin (quiet for push: held until 08:00), 17:00 in New York, 14:00 in Los Angeles. */
    static final Instant SEND = Instant.parse("2026-12-07T22:00:00Z");
    static final List<String> ZONES = List.of("Asia/Tokyo", "Europe/Berlin", "America/New_York", "America/Los_Angeles");
    static final int CUSTOMERS = 5_000;
    static final String CAMPAIGN = "holiday-2026";

    /** What each customer allows, by the last digit of its number. */
    enum Kind {
        NO_CONSENT, WITHDRAWN, PUSH, EMAIL;

        static Kind of(int i) {
            return switch (i % 10) {
                case 0 -> NO_CONSENT;
                case 1 -> WITHDRAWN;
                case 2, 3 -> PUSH;
                default -> EMAIL;
            };
        }
    }

    @Test
    void everyEligibleCustomerGetsExactlyOneMessage_theOthersAreSkippedWithTheirReason() throws Exception {
        // Everything to the local outbox (no SNS emulator), and no holdouts: each eligible customer is sent to.
        // DynamoDB Local in process, as the demo runs it: the same engine, without HTTP on both sides.
        try (LocalRuntime runtime = LocalRuntime.start(dev.winback.local.runtime.Fixtures.repositoryTemplate(), 0, START,
                LocalRuntime.DynamoDbAccess.EMBEDDED, LocalSchedules.DEFAULT_RUNS_PER_SCHEDULE, Map.of(), HoldoutShares.NONE)) {
            OperatorApi api = new OperatorApi(runtime);
            List<String> ids = IntStream.range(0, CUSTOMERS).mapToObj(CampaignIT::id).toList();
            ingest(api, ids, i -> Kind.of(i));
            List<String> morning = IntStream.range(0, 8).mapToObj(i -> "m-" + i).toList();
            ingest(api, morning, i -> Kind.EMAIL);
            ingest(api, List.of("staff-1"), i -> Kind.EMAIL);
            runtime.segments().add("everyone", ids);
            runtime.segments().add("mornings", morning);

            runtime.clock().set(SEND);
            String body = "{\"id\":\"" + CAMPAIGN + "\",\"segmentId\":\"everyone\",\"templateId\":\"holiday-offer\","
                    + "\"channels\":[\"push\",\"email\"],\"purpose\":\"marketing\",\"ratePerSecond\":100,"
                    + "\"testRecipients\":[\"staff-1\"]}";
            assertThat(api.post("/v1/campaigns", body).status()).isEqualTo(201);
            assertThat(api.post("/v1/campaigns", body).status()).as("started twice: one campaign").isEqualTo(200);
            assertThat(api.post("/v1/campaigns", body.replace("\"ratePerSecond\":100", "\"ratePerSecond\":5")).status())
                    .as("another campaign under the same id").isEqualTo(409);
            assertThat(api.post("/v1/campaigns", "{\"id\":\"morning\",\"segmentId\":\"mornings\","
                    + "\"templateId\":\"holiday-offer\",\"channels\":[\"email\"],\"purpose\":\"marketing\","
                    + "\"localTime\":\"2026-12-08T09:00\"}").status()).isEqualTo(201);

            // A test send first: to the test recipient at once, under a key of its own.
            assertThat(api.post("/v1/campaigns/" + CAMPAIGN + "/test", "{\"testId\":\"proof-1\"}").status()).isEqualTo(202);
            assertThat(runMessages(runtime, CAMPAIGN)).isEmpty();
            assertThat(runtime.delivery().outbox().messages()).extracting(LocalOutbox.Sent::customerId).contains("staff-1");

            // A run cut short by its budget after two pages.
            AtomicInteger pages = new AtomicInteger();
            runtime.campaigns().send().run(SEND, () -> pages.getAndIncrement() < 2);
            assertThat(progress(api).path("status").asText()).isEqualTo("sending");
            assertThat(progress(api).path("handedOver").asInt()).isEqualTo(1_000);

            // A run killed after handing its page to delivery, before its cursor was stored.
            EngagementTable table = new EngagementTable(runtime.config(), runtime.clients(), runtime.clock());
            CampaignStore crashing = crashingOnSave(new Campaigns(table, runtime.delivery().journeyMessages(),
                    runtime.delivery().delivery().policies(), runtime.clock()).store());
            SendCampaigns killed = new SendCampaigns(crashing, runtime.segments(), runtime.delivery().journeyMessages(),
                    runtime.delivery().delivery().policies(), Warnings.NONE);
            assertThat(killed.run(SEND, () -> true).failed()).isEqualTo(1);
            assertThat(progress(api).path("handedOver").asInt()).as("the cursor stayed where it was").isEqualTo(1_000);

            // The schedule resumes from the stored cursor and finishes; the day goes by.
            for (Instant at = SEND.plus(Duration.ofMinutes(1)); !at.isAfter(Instant.parse("2026-12-08T18:00:00Z"));
                 at = at.plus(Duration.ofMinutes(30))) {
                api.tickAt(at);
            }

            JsonNode progress = progress(api);
            assertThat(progress.path("status").asText()).isEqualTo("done");
            assertThat(progress.path("handedOver").asInt()).isEqualTo(CUSTOMERS);

            Map<String, List<LocalOutbox.Sent>> sent = runMessages(runtime, CAMPAIGN).stream()
                    .collect(Collectors.groupingBy(LocalOutbox.Sent::customerId));
            Map<Kind, Long> kinds = IntStream.range(0, CUSTOMERS).boxed()
                    .collect(Collectors.groupingBy(Kind::of, Collectors.counting()));
            long eligible = kinds.get(Kind.PUSH) + kinds.get(Kind.EMAIL);
            assertThat(sent).as("every eligible customer, and nobody else").hasSize((int) eligible);
            for (int i = 0; i < CUSTOMERS; i++) {
                Kind kind = Kind.of(i);
                List<LocalOutbox.Sent> mine = sent.getOrDefault(id(i), List.of());
                if (kind == Kind.NO_CONSENT || kind == Kind.WITHDRAWN) {
                    assertThat(mine).as(id(i)).isEmpty();
                    continue;
                }
                assertThat(mine).as("exactly one message to " + id(i)).hasSize(1);
                LocalOutbox.Sent message = mine.getFirst();
                assertThat(message.channel()).isEqualTo(kind == Kind.PUSH ? Channel.PUSH : Channel.EMAIL);
                LocalTime local = message.at().atZone(ZoneId.of(zone(i))).toLocalTime();
                if (kind == Kind.PUSH) {
                    assertThat(local).as("marketing push outside 21:00-08:00 in " + zone(i))
                            .isBetween(LocalTime.of(8, 0), LocalTime.of(21, 0));
                }
            }
            // Held for quiet hours, Tokyo's and Berlin's push went out at 08:00 in their own time.
            for (String zone : List.of("Asia/Tokyo", "Europe/Berlin")) {
                assertThat(sent.values().stream().flatMap(List::stream)
                        .filter(m -> m.channel() == Channel.PUSH && zone.equals(zone(number(m.customerId()))))
                        .map(m -> m.at().atZone(ZoneId.of(zone)).toLocalTime()).distinct())
                        .containsExactly(LocalTime.of(8, 0));
            }

            JsonNode decisions = progress.path("decisions");
            assertThat(decisions.at("/sent/accepted").asLong()).isEqualTo(eligible);
            assertThat(decisions.at("/skipped/no_consent").asLong()).isEqualTo(kinds.get(Kind.NO_CONSENT));
            assertThat(decisions.at("/skipped/consent_withdrawn").asLong()).isEqualTo(kinds.get(Kind.WITHDRAWN));
            assertThat(decisions.at("/stopped/no_channel_left").asLong())
                    .isEqualTo(kinds.get(Kind.NO_CONSENT) + kinds.get(Kind.WITHDRAWN));
            assertThat(decisions.at("/held/quiet_hours").asLong()).isEqualTo(kinds.get(Kind.PUSH) / 2);
            // A skipped customer's ledger names the reason.
            JsonNode skipped = api.message(id(0));
            assertThat(skipped.path("status").asText()).isEqualTo("skipped");
            assertThat(skipped.toString()).contains("no_consent");

            // The small campaign: each customer's email at 09:00 in their own zone.
            assertThat(runMessages(runtime, "morning")).hasSize(morning.size()).allSatisfy(m -> assertThat(
                    m.at().atZone(ZoneId.of(ZONES.get(Integer.parseInt(m.customerId().substring(2)) % ZONES.size())))
                            .toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-08T09:00")));

            assertThat(api.post("/v1/campaigns/" + CAMPAIGN + "/cancel", "").status()).as("done: too late").isEqualTo(409);

            // A campaign cancelled before its first run hands nobody over.
            assertThat(api.post("/v1/campaigns", body.replace(CAMPAIGN, "called-off")).status()).isEqualTo(201);
            OperatorApi.Answer cancelled = api.post("/v1/campaigns/called-off/cancel", "");
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
            api.tickAt(Instant.parse("2026-12-08T18:10:00Z"));
            assertThat(api.get("/v1/campaigns/called-off").body().path("handedOver").asInt()).isZero();
            assertThat(runMessages(runtime, "called-off")).isEmpty();
            assertThat(api.post("/v1/campaigns/called-off/cancel", "").status()).as("cancelled again").isEqualTo(200);
        }
    }

    private static JsonNode progress(OperatorApi api) throws Exception {
        OperatorApi.Answer answer = api.get("/v1/campaigns/" + CAMPAIGN);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** The outbox's messages of a campaign's run (its test sends and every other message left out). */
    private static List<LocalOutbox.Sent> runMessages(LocalRuntime runtime, String campaign) {
        return runtime.delivery().outbox().messages().stream()
                .filter(m -> m.messageId().startsWith("wb-" + CampaignMessages.runKey(campaign, m.customerId()).id() + "-"))
                .toList();
    }

    /** The store, whose first save after a page fails as a process killed there would. */
    private static CampaignStore crashingOnSave(CampaignStore store) {
        AtomicBoolean crashed = new AtomicBoolean();
        return new CampaignStore() {
            @Override
            public Optional<CampaignState> find(String campaignId) {
                return store.find(campaignId);
            }

            @Override
            public Optional<CampaignState> create(CampaignState state) {
                return store.create(state);
            }

            @Override
            public Optional<CampaignState> save(CampaignState state) {
                if (crashed.compareAndSet(false, true)) throw new IllegalStateException("killed before the cursor was stored");
                return store.save(state);
            }

            @Override
            public List<String> active() {
                return store.active();
            }
        };
    }

    private static void ingest(OperatorApi api, List<String> ids, Function<Integer, Kind> kindOf) throws Exception {
        StringJoiner events = null;
        int count = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (events == null) events = new StringJoiner(",", "{\"events\":[", "]}");
            String id = ids.get(i);
            Kind kind = kindOf.apply(i);
            String endpoint = kind == Kind.PUSH
                    ? ",\"pushEndpoint\":\"arn:aws:sns:eu-west-1:123456789012:endpoint/GCM/winback-android/" + id + "\"" : "";
            events.add(event(id, "p", "profile_updated", "{\"email\":\"" + id + "@example.com\",\"timezone\":\""
                    + ZONES.get(i % ZONES.size()) + "\"" + endpoint + "}"));
            switch (kind) {
                case WITHDRAWN -> events.add(event(id, "c", "consent_changed", "{\"channel\":\"email\",\"purpose\":\"marketing\","
                        + "\"granted\":false,\"source\":\"account-settings\",\"wordingVersion\":\"v1\"}"));
                case PUSH -> events.add(event(id, "g", "push_permission_changed", "{\"granted\":true}"));
                case EMAIL -> events.add(event(id, "s", "email_subscription_changed", "{\"status\":\"subscribed\"}"));
                case NO_CONSENT -> { }
            }
            count += 2;
            if (count >= 480 || i == ids.size() - 1) {
                OperatorApi.Answer answer = api.post("/v1/events", events.toString());
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
                assertThat(answer.body().toString()).doesNotContain("rejected");
                events = null;
                count = 0;
            }
        }
    }

    private static String event(String customerId, String suffix, String type, String properties) {
        return "{\"eventId\":\"" + customerId + "-" + suffix + "\",\"customerId\":\"" + customerId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + START + "\",\"properties\":" + properties + "}";
    }

    static String id(int i) {
        return String.format("c-%05d", i);
    }

    static int number(String customerId) {
        return Integer.parseInt(customerId.substring(2));
    }

    static String zone(int i) {
        return ZONES.get(i % ZONES.size());
    }
}
