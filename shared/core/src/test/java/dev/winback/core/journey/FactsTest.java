package dev.winback.core.journey;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.winback.core.journey.JourneyFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactsTest {

    private static final ProductCatalog CATALOG = ProductCatalog.of(1, List.of(
            new Product("brush-heads", "dental", Optional.of(Duration.ofDays(90)), List.of("floss", "paste"), "low")));

    @Test
    void recordFactsCoverEveryRecordName() {
        EngagementRecord record = withBought(withProfile("Europe/Berlin", "--05-17"), "dental");
        Facts facts = RecordFacts.of(record);
        assertEquals(Optional.of(Fact.Number.of(1)), facts.get("record.orders"));
        assertEquals(Optional.of(new Fact.Words(Set.of("dental"))), facts.get("record.boughtCategories"));
        assertEquals(Optional.of(new Fact.Time(T0)), facts.get("record.lastPurchase"));
        assertEquals(Optional.of(new Fact.Text("Europe/Berlin")), facts.get("record.timezone"));
        assertEquals(Optional.of(new Fact.Text("true")), facts.get("record.hasBirthday"));
        assertEquals(Optional.empty(), facts.get("record.state"));
        assertEquals(Optional.of(new Fact.Text("false")), RecordFacts.of(record()).get("record.hasBirthday"));
        for (String name : facts.values().keySet()) assertTrue(FactNames.known(name), name);
    }

    @Test
    void eventFactsOfAnOrderAndAMembership() {
        Facts order = EventFacts.of(purchase("e1", T0, "o1", item("s1", "dental"), item("s2", "toys")));
        assertEquals(Optional.of(new Fact.Text("o1")), order.get("event.orderId"));
        assertEquals(Optional.of(new Fact.Number(new BigDecimal("25.50"))), order.get("event.amount"));
        assertEquals(Optional.of(new Fact.Words(Set.of("dental", "toys"))), order.get("event.categories"));
        assertEquals(Optional.of(new Fact.Text("web")), order.get("event.platform"));
        assertEquals(Optional.empty(), order.get("event.category"));
        Facts membership = EventFacts.of(new EngagementEvent("e2", CUSTOMER, T0, Optional.empty(),
                new EventPayload.MembershipChanged("gold", MembershipStatus.CANCELLED)));
        assertEquals(Optional.of(new Fact.Text("cancelled")), membership.get("event.status"));
        assertEquals(Optional.of(new Fact.Text("gold")), membership.get("event.tier"));
        assertEquals(Optional.empty(), membership.get("event.rating"));
    }

    @Test
    void aLineItemCarriesItsCatalogEntryAndTheFirstComplementNotBought() {
        EngagementEvent event = purchase("e1", T0, "o1", item("brush-heads", "dental"));
        Facts fresh = EventFacts.ofLineItem(event, event.payload() instanceof EventPayload.PurchaseCompleted p
                ? p.items().getFirst() : null, CATALOG, Set.of("dental"));
        assertEquals(Optional.of(new Fact.Text("brush-heads")), fresh.get("event.productLine"));
        assertEquals(Optional.of(Fact.Number.of(90)), fresh.get("event.lifetimeDays"));
        assertEquals(Optional.of(new Fact.Text("floss")), fresh.get("event.complement"));
        assertEquals(Optional.of(new Fact.Text("low")), fresh.get("event.priceBand"));
        assertEquals(Optional.of(new Fact.Text("o1")), fresh.get("event.orderId"));

        Facts flossBought = EventFacts.ofLineItem(event, item("brush-heads", "dental"), CATALOG, Set.of("floss"));
        assertEquals(Optional.of(new Fact.Text("paste")), flossBought.get("event.complement"));
        Facts allBought = EventFacts.ofLineItem(event, item("brush-heads", "dental"), CATALOG, Set.of("floss", "paste"));
        assertEquals(Optional.empty(), allBought.get("event.complement"));
        Facts unknown = EventFacts.ofLineItem(event, item("kite", "toys"), CATALOG, Set.of());
        assertEquals(Optional.empty(), unknown.get("event.productLine"));
        assertEquals(Optional.of(new Fact.Text("toys")), unknown.get("event.category"));
    }

    @Test
    void reviewsAndSurveyAnswersAreFacts_andAnswersBecomeRecordAttributes() {
        Facts review = EventFacts.of(new EngagementEvent("e1", CUSTOMER, T0, Optional.empty(),
                new EventPayload.ReviewSubmitted(Optional.of("o1"), Optional.empty(), 4)));
        assertEquals(Optional.of(Fact.Number.of(4)), review.get("event.rating"));
        assertEquals(Optional.of(new Fact.Text("o1")), review.get("event.orderId"));
        assertEquals(Optional.empty(), review.get("event.sku"));

        EngagementEvent answered = new EngagementEvent("e2", CUSTOMER, T0, Optional.empty(),
                new EventPayload.SurveyAnswered("favouriteSport", "trail"));
        assertEquals(Optional.of(new Fact.Text("trail")), EventFacts.of(answered).get("event.answer"));
        EngagementRecord record = dev.winback.core.record.RecordUpdate.apply(record(), List.of(answered),
                java.util.Map.of()).record();
        assertEquals(Optional.of(new Fact.Text("trail")), RecordFacts.of(record).get("record.attribute.favouriteSport"));
    }
}
