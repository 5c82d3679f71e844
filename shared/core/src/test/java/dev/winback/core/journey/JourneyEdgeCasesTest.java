package dev.winback.core.journey;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.observe.Warnings;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static dev.winback.core.journey.JourneyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The corners a review of the engine found: batching, redelivery, bounded state, failed reads. */
class JourneyEdgeCasesTest {

    private static Def statusUpdates() {
        return Def.of("order-updates", onKeyed("order_status_changed", "event.orderId"),
                new Step.Branch("which", List.of(when("context.status", Operator.EQ, "confirmed")), "confirm", "ship"),
                send("confirm", "order-confirmed", "end"), send("ship", "order-shipped", "end"), done("end"))
                .reentry(Reentry.RESTART);
    }

    @Test
    void twoStatusesOfOneOrderInOneBatch_eachSendTheirUpdate() {
        JourneyEngine engine = engine(statusUpdates());
        JourneyEngine.Outcome outcome = engine.onEvents(empty(), record(), List.of(
                orderStatus("e2", hours(-1), "o1", "shipped"), orderStatus("e1", hours(-2), "o1", "confirmed")), T0);

        assertThat(campaigns(outcome)).containsExactly("order-confirmed", "order-shipped");
    }

    @Test
    void anEventEnteringAgainAfterItsIdWasForgotten_namesTheSameMessages() {
        JourneyEngine engine = engine(statusUpdates());
        EngagementEvent shipped = orderStatus("e1", hours(-1), "o1", "shipped");
        JourneyEngine.Outcome first = engine.onEvents(empty(), record(), List.of(shipped), T0);
        CustomerJourneys forgotten = new CustomerJourneys(CUSTOMER, first.next().runs(), first.next().history(),
                first.next().annual(), List.of(), List.of());

        JourneyEngine.Outcome again = engine.onEvents(forgotten, record(), List.of(shipped), hours(1));

        assertThat(again.sends()).extracting(DeliveryRequest::key).isEqualTo(first.sends().stream()
                .map(DeliveryRequest::key).toList());
    }

    @Test
    void theHistoryOfAJourneyKeyedByOrder_staysBounded() {
        JourneyEngine engine = engine(statusUpdates());
        CustomerJourneys state = empty();
        for (int order = 0; order < RunBook.HISTORY_PER_JOURNEY + 10; order++) {
            state = engine.onEvents(state, record(), List.of(orderStatus("e" + order, hours(order), "o" + order,
                    "shipped")), hours(order + 1)).next();
        }
        assertThat(state.history()).hasSize(RunBook.HISTORY_PER_JOURNEY);
        assertThat(state.history()).containsKey("order-updates|o" + (RunBook.HISTORY_PER_JOURNEY + 9))
                .doesNotContainKey("order-updates|o0");
    }

    @Test
    void aTransactionalJourneyOutsideOrderUpdates_isRefused() {
        JourneyDefinition marketingInDisguise = new JourneyDefinition("promo", 1, "promo", Purpose.TRANSACTIONAL,
                MessageCategory.PROMOTIONS, Optional.empty(), 0, on("purchase_completed"), "end",
                Map.of("end", done("end")), List.of(), Reentry.ONCE, "");

        assertThat(JourneyCheck.problems(marketingInDisguise)).extracting(JourneyProblem::where).containsExactly("purpose");
    }

    @Test
    void aProfileResentAtTheBirthdayHour_doesNotSkipTheBirthday() {
        Def birthday = Def.of("birthday", new Trigger.Annual(Optional.empty(), LocalTime.of(9, 0), List.of()),
                send("wish", "birthday", "end"), done("end")).reentry(Reentry.AFTER_EXIT);
        JourneyEngine engine = engine(birthday);
        EngagementRecord record = withProfile("UTC", "--03-11");
        CustomerJourneys armed = engine.onEvents(empty(), record, List.of(birthdaySet("e1", T0, "--03-11")), T0).next();
        Instant nine = Instant.parse("2025-03-11T09:00:00Z");

        JourneyEngine.Outcome resent = engine.onEvents(armed, record, List.of(birthdaySet("e2", nine, "--03-11")),
                nine.plusSeconds(20));

        assertThat(campaigns(resent)).containsExactly("birthday");
        assertThat(resent.next().annual()).containsEntry("birthday", Instant.parse("2026-03-11T09:00:00Z"));
    }

    @Test
    void eventsThatMoveNothing_costNoWrite_andProfileUpdatesWithoutABirthdayAreNotHeard() {
        Def birthday = Def.of("birthday", new Trigger.Annual(Optional.empty(), LocalTime.of(9, 0), List.of()),
                send("wish", "birthday", "end"), done("end"));
        Def thanks = Def.of("thanks", onKeyed("purchase_completed", "event.orderId"), send("say", "thanks", "end"),
                done("end")).reentry(Reentry.ONCE);
        ActiveJourneys active = ActiveJourneys.of(List.of(birthday.build(), thanks.build()), ProductCatalog.EMPTY);
        InMemoryJourneyStore store = new InMemoryJourneyStore();
        TakeJourneyEvents take = new TakeJourneyEvents(store, JourneyDefinitions.of(active), POLICY,
                requests -> Set.of(), Clock.fixed(T0, ZoneOffset.UTC), Warnings.NONE);
        EngagementEvent localeOnly = new EngagementEvent("p1", CUSTOMER, T0, Optional.empty(),
                new EventPayload.ProfileUpdated(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("de-DE"), Optional.empty(), Optional.empty()));

        assertThat(active.hears(localeOnly)).isFalse();
        assertThat(take.stored(record(), List.of(localeOnly))).isTrue();
        assertThat(store.loads).isZero();

        take.stored(record(), List.of(purchase("e1", hours(-1), "o1", item("s", "c"))));
        int saves = store.saves;
        assertThat(take.stored(record(), List.of(purchase("e2", hours(-1), "o1", item("s", "c"))))).isTrue();
        assertThat(store.saves).as("a second purchase of the same order enters nothing").isEqualTo(saves);
    }

    @Test
    void messagesPastTheirExpiry_areDroppedRatherThanHandedOverForever() {
        InMemoryJourneyStore store = new InMemoryJourneyStore();
        List<String> warnings = new ArrayList<>();
        JourneyCommit commit = new JourneyCommit(store, requests -> Set.of(), (message, cause) -> warnings.add(message));
        DeliveryRequest stale = new DeliveryRequest(CUSTOMER, "c", "j/s", "k@e", Purpose.MARKETING,
                MessageCategory.REMINDERS, List.of(), days(-3), days(-1), Duration.ZERO, Map.of());
        CustomerJourneys withStale = new CustomerJourneys(CUSTOMER, List.of(), Map.of(), Map.of(), List.of(), List.of(stale));

        assertThat(commit.commit(StoredJourneys.absent(CUSTOMER), withStale, T0)).isTrue();

        assertThat(store.get(CUSTOMER).journeys().unpublished()).isEmpty();
        assertThat(store.get(CUSTOMER).armed()).isEmpty();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aWriteLostAfterTheHandOver_decidesTheSameMessagesAgain_soDeliverySendsOnce() {
        InMemoryJourneyStore inner = new InMemoryJourneyStore();
        AtomicBoolean loseNext = new AtomicBoolean(true);
        JourneyStore losingFirstWrite = new JourneyStore() {
            public int shards() {
                return inner.shards();
            }

            public List<String> due(int shard, Instant now) {
                return inner.due(shard, now);
            }

            public StoredJourneys load(String customerId) {
                return inner.load(customerId);
            }

            public boolean save(StoredJourneys previous, CustomerJourneys next, Optional<Instant> dueAt) {
                return !loseNext.getAndSet(false) && inner.save(previous, next, dueAt);
            }
        };
        List<DeliveryRequest> handedOver = new ArrayList<>();
        ActiveJourneys active = ActiveJourneys.of(List.of(statusUpdates().build()), ProductCatalog.EMPTY);
        TakeJourneyEvents take = new TakeJourneyEvents(losingFirstWrite, JourneyDefinitions.of(active), POLICY,
                requests -> {
                    handedOver.addAll(requests);
                    return requests.stream().map(DeliveryRequest::key).collect(java.util.stream.Collectors.toSet());
                }, Clock.fixed(T0, ZoneOffset.UTC), Warnings.NONE);

        assertThat(take.stored(record(), List.of(orderStatus("e1", hours(-1), "o1", "shipped")))).isTrue();

        assertThat(handedOver).hasSize(2);
        assertThat(handedOver.stream().map(DeliveryRequest::key).distinct()).hasSize(1);
        assertThat(inner.get(CUSTOMER).journeys().unpublished()).isEmpty();
        assertThat(inner.saves).isEqualTo(1);
    }

    @Test
    void currentJourneys_runNothingBeforeAFirstRead_thenKeepTheLastGoodOnes() {
        AtomicBoolean down = new AtomicBoolean(true);
        JourneyVersions versions = new EmptyVersions(down);
        CurrentJourneys current = new CurrentJourneys(versions, new NoCatalogs(), new NoFormat(),
                ActiveJourneys.of(List.of(statusUpdates().build()), ProductCatalog.EMPTY),
                ElapsedTime.following(Clock.fixed(T0, ZoneOffset.UTC)), Duration.ZERO, Warnings.NONE);

        assertThatThrownBy(current::active).isInstanceOf(IllegalStateException.class);
        down.set(false);
        assertThat(current.active().definitions()).containsOnlyKeys("order-updates");
        down.set(true);
        assertThat(current.active().definitions()).containsOnlyKeys("order-updates");
    }

    private record EmptyVersions(AtomicBoolean down) implements JourneyVersions {
        public List<JourneySummary> list() {
            if (down.get()) throw new IllegalStateException("table unavailable");
            return List.of();
        }

        public StoredVersion put(String journeyId, String json) {
            throw new UnsupportedOperationException();
        }

        public Optional<String> version(String journeyId, int version) {
            return Optional.empty();
        }

        public boolean activate(String journeyId, int version) {
            return false;
        }

        public Optional<Integer> active(String journeyId) {
            return Optional.empty();
        }

        public boolean rollback(String journeyId) {
            return false;
        }

        public void deactivate(String journeyId) {
        }
    }

    private static final class NoCatalogs implements CatalogVersions {
        public int latest() {
            return 0;
        }

        public int put(String json) {
            throw new UnsupportedOperationException();
        }

        public Optional<String> version(int version) {
            return Optional.empty();
        }

        public boolean activate(int version) {
            return false;
        }

        public Optional<Integer> active() {
            return Optional.empty();
        }

        public boolean rollback() {
            return false;
        }

        public void deactivate() {
        }
    }

    private static final class NoFormat implements JourneyFormat {
        public Checked<JourneyDefinition> definition(String text) {
            throw new UnsupportedOperationException();
        }

        public Checked<ProductCatalog> catalog(String text) {
            throw new UnsupportedOperationException();
        }

        public String write(JourneyDefinition definition) {
            throw new UnsupportedOperationException();
        }
    }
}
