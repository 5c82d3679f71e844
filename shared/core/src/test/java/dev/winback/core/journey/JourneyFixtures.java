package dev.winback.core.journey;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Preferences;
import dev.winback.core.record.Profile;
import dev.winback.core.record.Purchases;
import dev.winback.core.record.Stamped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Definitions, events and records for engine tests. */
final class JourneyFixtures {

    static final String CUSTOMER = "c1";
    static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");
    static final DeliveryPolicy POLICY = DeliveryPolicy.defaults();

    private JourneyFixtures() {
    }

    static Instant days(long n) {
        return T0.plus(Duration.ofDays(n));
    }

    static Instant hours(long n) {
        return T0.plus(Duration.ofHours(n));
    }

    static Condition when(String fact, Operator op, String... values) {
        return new Condition(fact, op, List.of(values));
    }

    static EventMatch match(String type, Condition... when) {
        return new EventMatch(type, List.of(when));
    }

    static Trigger.OnEvent on(String type, Condition... when) {
        return new Trigger.OnEvent(match(type, when), Optional.empty(), false, List.of());
    }

    static Trigger.OnEvent onKeyed(String type, String keyFact) {
        return new Trigger.OnEvent(EventMatch.of(type), Optional.of(keyFact), false, List.of());
    }

    static Step.Send send(String id, String campaign, String next) {
        return new Step.Send(id, campaign, List.of(Channel.EMAIL), Map.of(), next);
    }

    static Step.Wait pause(String id, Duration duration, String next) {
        return new Step.Wait(id, duration, Optional.empty(), next);
    }

    static Step.Exit done(String id) {
        return new Step.Exit(id, "done");
    }

    /** A definition with everything but trigger and steps defaulted; change it with the withers. */
    record Def(String id, Trigger trigger, List<Step> steps, List<EventMatch> exitOn, Reentry reentry,
               Optional<String> group, int priority, MessageCategory category) {

        static Def of(String id, Trigger trigger, Step... steps) {
            return new Def(id, trigger, Arrays.asList(steps), List.of(), Reentry.AFTER_EXIT, Optional.empty(), 0,
                    MessageCategory.REMINDERS);
        }

        Def exitOn(EventMatch... matches) {
            return new Def(id, trigger, steps, List.of(matches), reentry, group, priority, category);
        }

        Def reentry(Reentry next) {
            return new Def(id, trigger, steps, exitOn, next, group, priority, category);
        }

        Def group(String name, int rank) {
            return new Def(id, trigger, steps, exitOn, reentry, Optional.of(name), rank, category);
        }

        Def category(MessageCategory next) {
            return new Def(id, trigger, steps, exitOn, reentry, group, priority, next);
        }

        JourneyDefinition build() {
            Map<String, Step> byId = new LinkedHashMap<>();
            steps.forEach(step -> byId.put(step.id(), step));
            JourneyDefinition definition = new JourneyDefinition(id, 1, id, Purpose.MARKETING, category, group, priority,
                    trigger, steps.getFirst().id(), byId, exitOn, reentry, "");
            List<JourneyProblem> problems = JourneyCheck.problems(definition);
            if (!problems.isEmpty()) throw new IllegalArgumentException(id + ": " + problems);
            return definition;
        }
    }

    static JourneyEngine engine(ProductCatalog catalog, Def... defs) {
        List<JourneyDefinition> definitions = new ArrayList<>();
        for (Def def : defs) definitions.add(def.build());
        return new JourneyEngine(ActiveJourneys.of(definitions, catalog), POLICY);
    }

    static JourneyEngine engine(Def... defs) {
        return engine(ProductCatalog.EMPTY, defs);
    }

    static CustomerJourneys empty() {
        return CustomerJourneys.empty(CUSTOMER);
    }

    static EngagementRecord record() {
        return EngagementRecord.empty(CUSTOMER);
    }

    static EngagementRecord withBought(EngagementRecord record, String... categories) {
        Map<String, Instant> recent = new LinkedHashMap<>();
        for (String category : categories) recent.put(category, T0);
        Purchases purchases = new Purchases(T0, T0, categories.length, Set.of(), 0, Map.of(), recent);
        return new EngagementRecord(record.customerId(), record.platforms(), purchases, record.channels(),
                record.pushPermission(), record.membership(), record.install(), record.profile(), record.recent(),
                record.seen(), record.evaluation(), record.preferences(), record.sendLog());
    }

    static EngagementRecord withProfile(String timezone, String birthday) {
        EngagementRecord r = record();
        Profile profile = new Profile(null, null, timezone == null ? null : new Stamped<>(timezone, T0), null,
                birthday == null ? null : new Stamped<>(birthday, T0), null);
        return new EngagementRecord(r.customerId(), r.platforms(), r.purchases(), r.channels(), r.pushPermission(),
                r.membership(), r.install(), profile, r.recent(), r.seen(), r.evaluation(), r.preferences(), r.sendLog());
    }

    static EngagementRecord muting(MessageCategory category) {
        EngagementRecord r = record();
        Preferences preferences = new Preferences(new Stamped<>(Set.of(category), T0), null, null, null, null);
        return new EngagementRecord(r.customerId(), r.platforms(), r.purchases(), r.channels(), r.pushPermission(),
                r.membership(), r.install(), r.profile(), r.recent(), r.seen(), r.evaluation(), preferences, r.sendLog());
    }

    static LineItem item(String sku, String category) {
        return new LineItem(sku, category, 1, BigDecimal.TEN);
    }

    static EngagementEvent purchase(String id, Instant at, String orderId, LineItem... items) {
        return new EngagementEvent(id, CUSTOMER, at, Optional.of(Platform.WEB),
                new EventPayload.PurchaseCompleted(orderId, new BigDecimal("25.50"), "EUR", List.of(items)));
    }

    static EngagementEvent orderStatus(String id, Instant at, String orderId, String status) {
        return new EngagementEvent(id, CUSTOMER, at, Optional.empty(), new EventPayload.OrderStatusChanged(orderId, status));
    }

    static EngagementEvent session(String id, Instant at) {
        return new EngagementEvent(id, CUSTOMER, at, Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP));
    }

    static EngagementEvent birthdaySet(String id, Instant at, String birthday) {
        return new EngagementEvent(id, CUSTOMER, at, Optional.empty(), new EventPayload.ProfileUpdated(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(birthday), Optional.empty()));
    }

    static List<String> campaigns(JourneyEngine.Outcome outcome) {
        return outcome.sends().stream().map(dev.winback.core.delivery.DeliveryRequest::campaignId).toList();
    }

    static List<String> exits(JourneyEngine.Outcome outcome) {
        return outcome.transitions().stream().filter(t -> t instanceof JourneyTransition.Exited)
                .map(t -> t.journeyId() + ":" + ((JourneyTransition.Exited) t).reason()).toList();
    }

    static List<String> refusals(JourneyEngine.Outcome outcome) {
        return outcome.transitions().stream().filter(t -> t instanceof JourneyTransition.NotEntered)
                .map(t -> t.journeyId() + ":" + ((JourneyTransition.NotEntered) t).reason()).toList();
    }
}
