package dev.winback.core.segment;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelSunsets;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.SubscriptionStatus;
import dev.winback.core.segment.SegmentCondition.ConsentState;
import dev.winback.core.segment.SegmentDefinition.Match;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentDefinitionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger();

    private static EngagementRecord with(EngagementRecord record, Instant at, EventPayload... payloads) {
        List<EngagementEvent> events = java.util.Arrays.stream(payloads)
                .map(p -> new EngagementEvent("e" + IDS.incrementAndGet(), record.customerId(), at, Optional.empty(), p))
                .toList();
        return RecordUpdate.apply(record, events, Map.of()).record();
    }

    private static SegmentDefinition all(SegmentCondition... conditions) {
        return new SegmentDefinition("s", "S", Match.ALL, List.of(conditions));
    }

    @Test
    void premiumMembersWhoCancelled() {
        SegmentDefinition premiumCancelled = all(new SegmentCondition.Membership(Set.of("premium"),
                Set.of(MembershipStatus.CANCELLED), Optional.empty()));
        EngagementRecord member = with(EngagementRecord.empty("c1"), T0,
                new EventPayload.MembershipChanged("premium", MembershipStatus.STARTED));
        assertFalse(premiumCancelled.matches(member, T0));
        EngagementRecord cancelled = with(member, T0.plusSeconds(60),
                new EventPayload.MembershipChanged("premium", MembershipStatus.CANCELLED));
        assertTrue(premiumCancelled.matches(cancelled, T0.plusSeconds(60)));
        EngagementRecord basicCancelled = with(EngagementRecord.empty("c2"), T0,
                new EventPayload.MembershipChanged("basic", MembershipStatus.CANCELLED));
        assertFalse(premiumCancelled.matches(basicCancelled, T0));
    }

    @Test
    void neverJoinedTheEmailListIsNoSubscriptionEverRecorded() {
        SegmentDefinition neverJoined = all(new SegmentCondition.Subscription(Channel.EMAIL, Set.of(), true));
        EngagementRecord fresh = EngagementRecord.empty("c1");
        assertTrue(neverJoined.matches(fresh, T0));
        EngagementRecord joined = with(fresh, T0, new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED));
        assertFalse(neverJoined.matches(joined, T0));
        EngagementRecord left = with(joined, T0.plusSeconds(5), new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED));
        assertFalse(neverJoined.matches(left, T0.plusSeconds(5)));
        assertTrue(all(new SegmentCondition.Subscription(Channel.EMAIL, Set.of(SubscriptionStatus.UNSUBSCRIBED), false))
                .matches(left, T0.plusSeconds(5)));
    }

    @Test
    void noPurchaseWithinNinetyDaysFlipsWhenTheWindowRunsOutAndSaysWhen() {
        SegmentDefinition lapsedBuyers = all(new SegmentCondition.Purchased(Optional.empty()),
                new SegmentCondition.Not(new SegmentCondition.Purchased(Optional.of(Duration.ofDays(90)))));
        EngagementRecord bought = with(EngagementRecord.empty("c1"), T0,
                new EventPayload.PurchaseCompleted("o1", new BigDecimal("20.00"), "EUR", List.of()));
        Instant flip = T0.plus(Duration.ofDays(90));
        assertFalse(lapsedBuyers.matches(bought, flip.minusSeconds(1)));
        assertEquals(Optional.of(flip), lapsedBuyers.nextChange(bought, T0));
        assertTrue(lapsedBuyers.matches(bought, flip));
        assertEquals(Optional.empty(), lapsedBuyers.nextChange(bought, flip), "nothing changes after it without an event");
        assertFalse(lapsedBuyers.matches(EngagementRecord.empty("c2"), flip), "never bought is not lapsed");
    }

    @Test
    void lifecycleStateHeldForAtLeastADuration() {
        Instant since = T0.minus(Duration.ofDays(3));
        EngagementRecord atRisk = EngagementRecord.empty("c1").withEvaluation(new Evaluation.Evaluated(RiskState.AT_RISK,
                since, 0.7, List.of(new EvaluatedSignal(SignalType.MEMBERSHIP_CANCELLED, "premium", Strength.STRONG, since,
                List.of())), ChannelSunsets.NONE, T0, Optional.empty()));
        SegmentDefinition weekAtRisk = all(new SegmentCondition.Lifecycle(Set.of(RiskState.AT_RISK, RiskState.LAPSED),
                Optional.of(Duration.ofDays(7))));
        assertFalse(weekAtRisk.matches(atRisk, T0));
        assertEquals(Optional.of(since.plus(Duration.ofDays(7))), weekAtRisk.nextChange(atRisk, T0));
        assertTrue(weekAtRisk.matches(atRisk, since.plus(Duration.ofDays(7))));
        assertTrue(all(new SegmentCondition.HasSignal(SignalType.MEMBERSHIP_CANCELLED, Strength.MEDIUM)).matches(atRisk, T0));
        assertFalse(all(new SegmentCondition.HasSignal(SignalType.LAPSED, Strength.WEAK)).matches(atRisk, T0));
        assertFalse(weekAtRisk.matches(EngagementRecord.empty("c2"), T0.plus(Duration.ofDays(30))), "never evaluated");
    }

    @Test
    void consentPerPurposeAndReachability() {
        EngagementRecord granted = with(EngagementRecord.empty("c1"), T0,
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "form", "v1",
                        Optional.empty(), Optional.empty()),
                new EventPayload.ProfileUpdated(Optional.of("a@example.com"), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(all(new SegmentCondition.Consent(Channel.EMAIL, Purpose.MARKETING, ConsentState.GRANTED)).matches(granted, T0));
        assertTrue(all(new SegmentCondition.Consent(Channel.EMAIL, Purpose.TRANSACTIONAL, ConsentState.UNKNOWN)).matches(granted, T0));
        assertTrue(all(new SegmentCondition.Reachable(Channel.EMAIL)).matches(granted, T0));
        assertFalse(all(new SegmentCondition.Reachable(Channel.SMS)).matches(granted, T0));
        EngagementRecord withdrawn = with(granted, T0.plusSeconds(1), new EventPayload.ConsentChanged(Channel.EMAIL,
                Purpose.MARKETING, false, "link", "v1", Optional.empty(), Optional.empty()));
        assertTrue(all(new SegmentCondition.Consent(Channel.EMAIL, Purpose.MARKETING, ConsentState.WITHDRAWN))
                .matches(withdrawn, T0.plusSeconds(1)));
    }

    @Test
    void platformsUsedAndLastSeenWithin() {
        EngagementRecord appUser = with(EngagementRecord.empty("c1"), T0, new EventPayload.SessionStarted(Platform.APP));
        SegmentDefinition recentApp = all(new SegmentCondition.UsedPlatform(Platform.APP, Optional.of(Duration.ofDays(30))));
        assertTrue(recentApp.matches(appUser, T0.plus(Duration.ofDays(29))));
        assertFalse(recentApp.matches(appUser, T0.plus(Duration.ofDays(30))));
        assertEquals(Optional.of(T0.plus(Duration.ofDays(30))), recentApp.nextChange(appUser, T0));
        assertFalse(all(new SegmentCondition.UsedPlatform(Platform.WEB, Optional.empty())).matches(appUser, T0));
    }

    @Test
    void purchaseFrequencyAndMonetaryValue() {
        EngagementRecord twice = with(EngagementRecord.empty("c1"), T0,
                new EventPayload.PurchaseCompleted("o1", new BigDecimal("60.00"), "EUR", List.of()),
                new EventPayload.PurchaseCompleted("o2", new BigDecimal("50.00"), "EUR", List.of()));
        assertTrue(all(new SegmentCondition.Orders(2), new SegmentCondition.Spend("EUR", new BigDecimal("110")))
                .matches(twice, T0));
        assertFalse(all(new SegmentCondition.Orders(3)).matches(twice, T0));
        assertFalse(all(new SegmentCondition.Spend("USD", BigDecimal.ONE)).matches(twice, T0));
    }

    @Test
    void profileAttributesLocaleCountryAndTimeZone() {
        EngagementRecord profile = with(EngagementRecord.empty("c1"), T0,
                new EventPayload.ProfileUpdated(Optional.empty(), Optional.of("+4915112345678"), Optional.of("Europe/Berlin"),
                        Optional.of("de-AT"), Optional.empty(), Optional.empty()));
        assertTrue(all(new SegmentCondition.Locale(Set.of("de"))).matches(profile, T0));
        assertFalse(all(new SegmentCondition.Locale(Set.of("d"))).matches(profile, T0), "a prefix is a whole language");
        assertTrue(all(new SegmentCondition.TimeZone(Set.of("Europe/Berlin"))).matches(profile, T0));
        SegmentDefinition german = all(new SegmentCondition.Country(Set.of("DE")));
        assertFalse(german.matches(profile, T0), "no numbering plan, no country");
        assertTrue(german.matches(profile, T0, phone -> phone.startsWith("+49") ? Optional.of("DE") : Optional.empty()));
        EngagementRecord answered = with(profile, T0, new EventPayload.SurveyAnswered("country", "at"));
        assertFalse(german.matches(answered, T0, phone -> Optional.of("DE")), "the profile's answer comes first");
        assertTrue(all(new SegmentCondition.Attribute("country", Set.of("at"))).matches(answered, T0));
    }

    @Test
    void anyOfNeedsOneConditionAndTheEarliestFlipCounts() {
        EngagementRecord appUser = with(EngagementRecord.empty("c1"), T0, new EventPayload.SessionStarted(Platform.APP),
                new EventPayload.PurchaseCompleted("o1", BigDecimal.TEN, "EUR", List.of()));
        SegmentDefinition either = new SegmentDefinition("s", "S", Match.ANY, List.of(
                new SegmentCondition.UsedPlatform(Platform.APP, Optional.of(Duration.ofDays(10))),
                new SegmentCondition.Purchased(Optional.of(Duration.ofDays(20)))));
        assertEquals(Optional.of(T0.plus(Duration.ofDays(10))), either.nextChange(appUser, T0));
        assertTrue(either.matches(appUser, T0.plus(Duration.ofDays(15))));
        assertFalse(either.matches(appUser, T0.plus(Duration.ofDays(20))));
    }

    @Test
    void segmentsListTheIdsARecordIsInAndWhatAWriteChanges() {
        Segments segments = new Segments(List.of(
                new SegmentDefinition("buyers", "Buyers", Match.ALL, List.of(new SegmentCondition.Purchased(Optional.empty()))),
                new SegmentDefinition("app", "App", Match.ALL, List.of(new SegmentCondition.AppInstalled()))));
        EngagementRecord buyer = with(EngagementRecord.empty("c1"), T0,
                new EventPayload.PurchaseCompleted("o1", BigDecimal.TEN, "EUR", List.of()));
        assertEquals(Set.of("buyers"), segments.of(buyer, T0));
        EngagementRecord installed = with(buyer, T0, new EventPayload.AppInstalled());
        MembershipChange change = MembershipChange.between(segments.of(buyer, T0), segments.of(installed, T0));
        assertEquals(Set.of("app"), change.entered());
        assertTrue(change.left().isEmpty());
        assertTrue(MembershipChange.between(Set.of("a"), Set.of("a")).isEmpty());
    }
}
