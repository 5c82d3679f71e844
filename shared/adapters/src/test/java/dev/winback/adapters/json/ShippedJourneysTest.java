package dev.winback.adapters.json;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.CustomerJourneys;
import dev.winback.core.journey.JourneyEngine;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.journey.ActiveJourneys;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.Product;
import dev.winback.core.journey.ProductCatalog;
import dev.winback.core.journey.Step;
import dev.winback.core.journey.Trigger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The journeys and catalog shipped in the artifact load, validate against their schemas and say what the issue asked. */
class ShippedJourneysTest {

    private final JourneyLoader loader = new JourneyLoader();

    private JourneyDefinition journey(String id) {
        return loader.shipped().stream().map(JourneyLoader.ShippedJourney::definition)
                .filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theIndexListsEveryShippedFile_andEveryOneLoads() throws IOException {
        Path directory = RepositoryRoot.find().resolve("shared/adapters/src/main/resources").resolve(JourneyLoader.SHIPPED_DIRECTORY);
        Set<String> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.json")).collect(Collectors.toSet());
        }
        assertThat(loader.shippedIndex()).extracting(JourneyLoader.IndexEntry::file).containsExactlyInAnyOrderElementsOf(files);
        assertThat(loader.shipped()).hasSize(files.size()).allSatisfy(shipped ->
                assertThat(shipped.definition().id() + ".json").isIn(files));
    }

    @Test
    void theHolidayExampleIsShippedInactive_theRestActive() {
        ActiveJourneys active = loader.shippedActive();

        assertThat(active.definitions().keySet()).containsExactlyInAnyOrder("order-confirmation", "order-status", "membership-status",
                "cross-sell", "review-request", "how-to", "next-order-incentive", "replacement-reminder", "birthday",
                "interest-survey");
        assertThat(loader.shipped()).filteredOn(s -> !s.active()).extracting(s -> s.definition().id()).containsExactly("holiday");
        assertThat(active.catalog().products()).isNotEmpty();
    }

    @Test
    void everyShippedDefinitionAndTheCatalog_validateAgainstTheirSchemas() {
        for (JourneyLoader.IndexEntry entry : loader.shippedIndex()) {
            String text = JourneyLoader.resource(JourneyLoader.SHIPPED_DIRECTORY + "/" + entry.file());
            assertThat(JourneySchemas.definitionViolations(TestResources.json(text))).as(entry.file()).isEmpty();
        }
        assertThat(JourneySchemas.catalogViolations(TestResources.json(JourneyLoader.resource(JourneyLoader.SHIPPED_CATALOG))))
                .isEmpty();
    }

    @Test
    void orderUpdatesAreTransactional_oneRunPerOrder_andEveryStatusHasItsCampaign() {
        JourneyDefinition orders = journey("order-status");

        assertThat(orders.purpose()).isEqualTo(Purpose.TRANSACTIONAL);
        assertThat(orders.priorityGroup()).isEmpty();
        assertThat(((Trigger.OnEvent) orders.trigger()).keyFact()).contains("event.orderId");
        assertThat(orders.steps().values()).filteredOn(Step.Send.class::isInstance).map(s -> ((Step.Send) s).campaignId())
                .containsExactlyInAnyOrder("order-shipped", "order-delivered", "order-cancelled", "order-refunded");
        JourneyDefinition confirmation = journey("order-confirmation");
        assertThat(confirmation.purpose()).isEqualTo(Purpose.TRANSACTIONAL);
        assertThat(confirmation.reentry().kind()).isEqualTo(dev.winback.core.journey.Reentry.Kind.ONCE);
    }

    @Test
    void everyMembershipAndOrderStatus_sendsItsOwnUpdateAtOnce_throughTheEngine() {
        JourneyEngine engine = new JourneyEngine(loader.shippedActive(), DeliveryPolicy.defaults());
        Instant at = Instant.parse("2026-11-02T10:00:00Z");
        EngagementRecord record = EngagementRecord.empty("c-1");
        Map<MembershipStatus, String> expected = Map.of(MembershipStatus.STARTED, "membership-started",
                MembershipStatus.RENEWED, "membership-renewed", MembershipStatus.RENEWAL_DUE, "membership-renewal-reminder",
                MembershipStatus.PAYMENT_FAILED, "membership-payment-failed", MembershipStatus.CANCELLED, "membership-cancelled");
        for (MembershipStatus status : MembershipStatus.values()) {
            EngagementEvent changed = new EngagementEvent("m-" + status, "c-1", at, Optional.empty(),
                    new EventPayload.MembershipChanged("plus", status));
            JourneyEngine.Outcome outcome = engine.onEvents(CustomerJourneys.empty("c-1"), record, List.of(changed), at);
            assertThat(outcome.sends()).as(status.wireName()).extracting(DeliveryRequest::campaignId)
                    .containsExactly(expected.get(status));
            assertThat(outcome.sends().getFirst().purpose()).isEqualTo(Purpose.TRANSACTIONAL);
        }
        JourneyEngine.Outcome placed = engine.onEvents(CustomerJourneys.empty("c-1"), record, List.of(
                new EngagementEvent("p", "c-1", at, Optional.empty(), new EventPayload.OrderStatusChanged("o-1", "placed"))), at);
        JourneyEngine.Outcome confirmedToo = engine.onEvents(placed.next(), record, List.of(new EngagementEvent("c", "c-1",
                at.plusSeconds(60), Optional.empty(), new EventPayload.OrderStatusChanged("o-1", "confirmed"))), at.plusSeconds(60));
        assertThat(placed.sends()).extracting(DeliveryRequest::campaignId).containsExactly("order-confirmed");
        assertThat(confirmedToo.sends()).as("one confirmation per order, placed and confirmed alike").isEmpty();
        for (String status : List.of("placed", "shipped", "delivered", "cancelled", "refunded")) {
            EngagementEvent changed = new EngagementEvent("o-" + status, "c-1", at, Optional.empty(),
                    new EventPayload.OrderStatusChanged("o-1", status));
            JourneyEngine.Outcome outcome = engine.onEvents(CustomerJourneys.empty("c-1"), record, List.of(changed), at);
            assertThat(outcome.sends()).as(status).extracting(DeliveryRequest::campaignId)
                    .contains(status.equals("placed") ? "order-confirmed" : "order-" + status);
        }
    }

    @Test
    void theReviewRequestWaitsFiveDaysAfterDelivery_andEndsOnAReview() {
        JourneyDefinition review = journey("review-request");

        assertThat(review.steps().get(review.firstStep())).isInstanceOfSatisfying(Step.Wait.class,
                wait -> assertThat(wait.duration()).isEqualTo(Duration.ofDays(5)));
        assertThat(review.exitOn()).extracting(m -> m.eventType()).containsExactly("review_submitted");
    }

    @Test
    void theCatalog_hasTheIssuesLifetimes_andEveryComplementIsACategoryItKnows() {
        ProductCatalog catalog = loader.shippedCatalog();

        assertThat(catalog.products().get("toothbrush-heads").lifetime()).contains(Duration.ofDays(90));
        assertThat(catalog.products().get("phones").lifetime()).contains(Duration.ofDays(730));
        assertThat(catalog.products().get("phones").complements()).contains("phone-cases", "chargers", "screen-protectors");
        assertThat(catalog.products().get("contact-lenses").lifetime()).contains(Duration.ofDays(30));
        assertThat(catalog.products().get("water-filters").lifetime()).contains(Duration.ofDays(60));
        assertThat(catalog.products().get("laptops").lifetime()).contains(Duration.ofDays(1095));
        Set<String> categories = catalog.products().values().stream().map(Product::category).collect(Collectors.toSet());
        assertThat(catalog.products().values().stream().flatMap(p -> p.complements().stream()).toList())
                .allSatisfy(complement -> assertThat(categories).contains(complement));
    }

    @Test
    void everyShippedDefinition_roundTripsThroughTheWriter() {
        JourneyDefinitionWriter writer = new JourneyDefinitionWriter();
        for (JourneyLoader.ShippedJourney shipped : loader.shipped()) {
            String written = writer.write(shipped.definition());
            JourneyDefinition again = JourneyDefinitionParserTest.valid(written);
            assertThat(again).as(shipped.definition().id()).isEqualTo(shipped.definition());
            assertThat(writer.write(again)).isEqualTo(written);
            assertThat(JourneySchemas.definitionViolations(TestResources.json(written))).isEmpty();
        }
        List<String> written = loader.shipped().stream().map(s -> writer.write(s.definition())).toList();
        assertThat(written).anySatisfy(json -> assertThat(json).contains("\"wait\":\"P5D\""));
    }
}
