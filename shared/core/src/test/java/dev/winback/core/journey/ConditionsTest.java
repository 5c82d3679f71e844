package dev.winback.core.journey;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static dev.winback.core.journey.JourneyFixtures.T0;
import static dev.winback.core.journey.JourneyFixtures.days;
import static dev.winback.core.journey.JourneyFixtures.when;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionsTest {

    private final Facts facts = new Facts(Map.of(
            "record.orders", new Fact.Number(new BigDecimal("2")),
            "event.amount", new Fact.Number(new BigDecimal("25.50")),
            "event.category", new Fact.Text("phones"),
            "record.boughtCategories", new Fact.Words(Set.of("phones", "cases")),
            "event.categories", new Fact.Words(Set.of("phones")),
            "record.lastPurchase", new Fact.Time(days(-10))))
            .and(Facts.ofContext(Map.of("offerCategory", "cases", "minimum", "2.0")));

    private boolean holds(Condition condition) {
        return Conditions.holds(condition, facts, T0);
    }

    @Test
    void equalityComparesTextNumbersAndSingleWordSets() {
        assertTrue(holds(when("event.category", Operator.EQ, "phones")));
        assertTrue(holds(when("record.orders", Operator.EQ, "2.00")));
        assertTrue(holds(when("event.categories", Operator.EQ, "phones")));
        assertFalse(holds(when("record.boughtCategories", Operator.EQ, "phones")));
        assertTrue(holds(when("event.category", Operator.NE, "cases")));
        assertFalse(holds(when("event.category", Operator.NE, "phones")));
        assertTrue(holds(when("event.category", Operator.IN, "cases", "phones")));
        assertFalse(holds(when("event.category", Operator.NOT_IN, "cases", "phones")));
        assertTrue(holds(when("event.category", Operator.NOT_IN, "cases")));
    }

    @Test
    void numbersCompareAsDecimals() {
        assertTrue(holds(when("event.amount", Operator.GT, "25.4")));
        assertFalse(holds(when("event.amount", Operator.GT, "25.50")));
        assertTrue(holds(when("event.amount", Operator.GTE, "25.5")));
        assertTrue(holds(when("record.orders", Operator.LT, "10")));
        assertTrue(holds(when("record.orders", Operator.LTE, "2")));
        assertFalse(holds(when("record.orders", Operator.LT, "2")));
        assertFalse(holds(when("event.category", Operator.GT, "1")));
    }

    @Test
    void wordSetsHoldOrNot() {
        assertTrue(holds(when("record.boughtCategories", Operator.CONTAINS, "cases")));
        assertFalse(holds(when("record.boughtCategories", Operator.CONTAINS, "laptops")));
        assertTrue(holds(when("record.boughtCategories", Operator.CONTAINS_NONE, "laptops", "tablets")));
        assertFalse(holds(when("record.boughtCategories", Operator.CONTAINS_NONE, "laptops", "cases")));
    }

    @Test
    void timesAreAgedAgainstNow() {
        assertTrue(holds(when("record.lastPurchase", Operator.WITHIN_DAYS, "10")));
        assertFalse(holds(when("record.lastPurchase", Operator.WITHIN_DAYS, "9")));
        assertTrue(holds(when("record.lastPurchase", Operator.OLDER_THAN_DAYS, "9")));
        assertFalse(holds(when("record.lastPurchase", Operator.OLDER_THAN_DAYS, "10")));
        assertTrue(Conditions.holds(when("record.lastPurchase", Operator.WITHIN_DAYS, "1"), facts, days(-10)));
    }

    @Test
    void aMissingFactFailsAllButAbsentAndNe() {
        for (Operator op : Operator.values()) {
            Condition condition = new Condition("record.locale", op, op.arity() == 0 ? java.util.List.of() : java.util.List.of("x"));
            boolean expected = op == Operator.ABSENT || op == Operator.NE;
            assertTrue(holds(condition) == expected, op.wireName());
        }
        assertTrue(holds(when("event.category", Operator.EXISTS)));
        assertFalse(holds(when("event.category", Operator.ABSENT)));
    }

    @Test
    void contextReferencesResolveAndAMissingOneFails() {
        assertTrue(holds(when("record.boughtCategories", Operator.CONTAINS, "$context.offerCategory")));
        assertTrue(holds(when("record.orders", Operator.GTE, "$context.minimum")));
        assertFalse(holds(when("record.boughtCategories", Operator.CONTAINS, "$context.nothing")));
        assertFalse(holds(when("event.category", Operator.NE, "$context.nothing")));
        assertTrue(holds(when("context.offerCategory", Operator.EQ, "cases")));
    }

    @Test
    void allHoldNeedsEveryCondition() {
        assertTrue(Conditions.allHold(java.util.List.of(), facts, Instant.EPOCH));
        assertFalse(Conditions.allHold(java.util.List.of(when("event.category", Operator.EQ, "phones"),
                when("record.orders", Operator.GT, "5")), facts, T0));
    }
}
