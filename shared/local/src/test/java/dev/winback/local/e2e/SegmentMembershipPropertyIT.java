package dev.winback.local.e2e;

import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.json.SegmentDefinitionParser;
import dev.winback.adapters.phone.PhoneNumberCountries;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.EvaluateDueCustomers;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.ingest.EventOutcome;
import dev.winback.core.journey.Checked;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentDefinition;
import dev.winback.core.segmentstore.ManageSegments;
import dev.winback.functions.evaluate.EvaluateCustomersComposition;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.publish.InMemoryActionPublisher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segment membership on DynamoDB Local: a random stream of events for 200 customers through the real
 * ingest path, and evaluator runs on a virtual clock that moves days at a time. After every round the
 * members read through the port equal a brute-force evaluation of each definition over every stored
 * record, and so do the counts: membership stays right as records change and as time passes.
 *
 * <p>On a table of its own: the segments it stores would otherwise apply to every other test's
 * writes in the shared table.
 */
class SegmentMembershipPropertyIT {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");
    private static final int CUSTOMERS = 200;
    private static final int ROUNDS = 10;
    private static final List<String> DEFINITIONS = List.of(
            """
            {"id": "recent-repeat-buyers", "name": "Bought twice, the last time within 30 days", "conditions": [
              {"type": "orders", "min": 2}, {"type": "purchased", "within": "P30D"}]}""",
            """
            {"id": "lapsed-app-or-german", "name": "App users gone quiet for two weeks, or in Germany", "match": "any",
             "conditions": [
              {"type": "platform", "platform": "app"},
              {"type": "country", "in": ["DE"]}]}""",
            """
            {"id": "quiet-app-users", "name": "Used the app, not within 14 days", "conditions": [
              {"type": "platform", "platform": "app"},
              {"type": "not", "condition": {"type": "platform", "platform": "app", "within": "P14D"}}]}""",
            """
            {"id": "cooling-a-week", "name": "Cooling or worse for a week", "conditions": [
              {"type": "lifecycle", "states": ["cooling", "at_risk", "lapsed", "dormant"], "forAtLeast": "P7D"}]}""");

    private final IngestFixture fixture = IngestFixture.get();
    private final VirtualClock clock = new VirtualClock(START);
    private final EngagementTable table = new EngagementTable(ownTable(), fixture.clients, clock);
    private final Ingestion ingestion = new Ingestion(table, clock, fixture.writers);
    private final EvaluateDueCustomers evaluator = new EvaluateCustomersComposition(table, ingestion.evaluationPolicy(),
            Map.of(Destination.EVENT_BUS, new InMemoryActionPublisher(), Destination.DELIVERY_QUEUE,
                    new InMemoryActionPublisher()), clock, fixture.writers).evaluate();
    private final Random random = new Random(20261207);
    private int eventIds;

    @Test
    void membersEqualABruteForceEvaluationAfterEveryRound() {
        ManageSegments manage = table.manageSegments();
        List<SegmentDefinition> definitions = new ArrayList<>();
        for (String id : SegmentDefinitionParser.SHIPPED) definitions.add(store(manage, shipped(id)));
        for (String text : DEFINITIONS) definitions.add(store(manage, text));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) customers.add("seg-" + i);

        int changedMembership = 0;
        Map<String, Set<String>> before = Map.of();
        for (int round = 1; round <= ROUNDS; round++) {
            List<EngagementEvent> events = new ArrayList<>();
            for (String customer : customers) {
                if (round > 1 && random.nextInt(3) != 0) continue; // a third of the customers act each round
                for (int k = 0; k <= random.nextInt(3); k++) events.add(randomEvent(customer));
            }
            for (int from = 0; from < events.size(); from += 100) {
                List<EventOutcome> outcomes = ingestion.events().ingest(events.subList(from, Math.min(events.size(), from + 100)));
                assertThat(outcomes).as("round %d", round).doesNotContain(EventOutcome.RETRY);
            }
            clock.advance(Duration.ofHours(12 + random.nextInt(24 * 9)));
            EvaluateDueCustomers.Report report = evaluator.run(clock.instant());
            assertThat(report.failed()).isZero();

            Instant now = clock.instant();
            Map<String, StoredRecord> stored = table.store().load(customers);
            Map<String, Set<String>> expected = new java.util.TreeMap<>();
            for (SegmentDefinition definition : definitions) {
                expected.put(definition.id(), stored.values().stream()
                        .filter(s -> definition.matches(s.record(), now, new PhoneNumberCountries()))
                        .map(s -> s.record().customerId()).collect(Collectors.toCollection(TreeSet::new)));
            }
            Map<String, Set<String>> actual = new java.util.TreeMap<>();
            for (SegmentDefinition definition : definitions) actual.put(definition.id(), members(definition.id()));
            assertThat(actual).as("round %d at %s", round, now).isEqualTo(expected);
            for (SegmentDefinition definition : definitions) {
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                assertThat(table.segmentMembers().count(definition.id(), today.minusDays(3), today).members())
                        .as("count of %s, round %d", definition.id(), round)
                        .isEqualTo(expected.get(definition.id()).size());
            }
            if (!actual.equals(before)) changedMembership++;
            before = actual;
        }
        // The property must be able to fail: every segment had members, and membership moved.
        for (SegmentDefinition definition : definitions) assertThat(before.get(definition.id())).as(definition.id()).isNotEmpty();
        assertThat(changedMembership).isGreaterThan(ROUNDS / 2);
    }

    /** Pages of seven, so most reads cross from one shard to the next. */
    private Set<String> members(String segmentId) {
        Set<String> ids = new TreeSet<>();
        Optional<String> after = Optional.empty();
        do {
            MemberPage page = table.segmentMembers().page(segmentId, after, 7);
            assertThat(page.customerIds().size()).isLessThanOrEqualTo(7);
            for (String id : page.customerIds()) assertThat(ids.add(id)).as("listed twice: " + id).isTrue();
            after = page.next();
        } while (after.isPresent());
        return ids;
    }

    private EngagementEvent randomEvent(String customer) {
        Instant at = clock.instant().minusSeconds(random.nextInt(3 * 86_400));
        EventPayload payload = switch (random.nextInt(9)) {
            case 0, 1 -> new EventPayload.SessionStarted(random.nextBoolean() ? Platform.APP : Platform.WEB);
            case 2 -> new EventPayload.PurchaseCompleted("o-" + eventIds, new BigDecimal(10 + random.nextInt(90)), "EUR",
                    List.of());
            case 3 -> new EventPayload.MembershipChanged(random.nextBoolean() ? "premium" : "basic",
                    random.nextBoolean() ? MembershipStatus.STARTED : MembershipStatus.CANCELLED);
            case 4 -> new EventPayload.EmailSubscriptionChanged(random.nextBoolean() ? EmailStatus.SUBSCRIBED
                    : EmailStatus.UNSUBSCRIBED);
            case 5 -> new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, random.nextBoolean(), "signup_form",
                    "v1", Optional.empty(), Optional.empty());
            case 6 -> new EventPayload.ProfileUpdated(Optional.empty(), Optional.of(random.nextBoolean()
                    ? "+4915112345" + String.format("%03d", random.nextInt(1000)) : "+4420794600" + String.format("%02d",
                    random.nextInt(100))), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            case 7 -> random.nextBoolean() ? new EventPayload.AppInstalled() : new EventPayload.AppUninstalled();
            default -> new EventPayload.SessionStarted(Platform.APP);
        };
        return new EngagementEvent("segprop-" + (eventIds++), customer, at, Optional.empty(), payload);
    }

    private static SegmentDefinition store(ManageSegments manage, String text) {
        SegmentDefinition definition = ((Checked.Valid<SegmentDefinition>) new SegmentDefinitionParser().read(text)).value();
        assertThat(manage.put(definition.id(), text)).isInstanceOf(ManageSegments.Stored.Activated.class);
        return definition;
    }

    private static String shipped(String id) {
        try (InputStream in = SegmentMembershipPropertyIT.class.getClassLoader()
                .getResourceAsStream(SegmentDefinitionParser.SHIPPED_DIRECTORY + id + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A table laid out as the shared one (keys and indexes from template.yaml), for this test alone. */
    private WinbackConfig ownTable() {
        var client = fixture.clients.dynamoDb();
        TableDescription shared = client.describeTable(b -> b.tableName(fixture.config.tableName())).table();
        String name = "segments-property-" + System.nanoTime();
        client.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(shared.attributeDefinitions()).keySchema(shared.keySchema())
                .globalSecondaryIndexes(shared.globalSecondaryIndexes().stream().map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build())
                        .toList()));
        return new WinbackConfig(name, fixture.config.eventBusName());
    }
}
