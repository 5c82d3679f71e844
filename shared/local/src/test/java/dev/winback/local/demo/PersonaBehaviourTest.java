package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static dev.winback.local.demo.Timelines.count;
import static dev.winback.local.demo.Timelines.first;
import static dev.winback.local.demo.Timelines.isActivity;
import static dev.winback.local.demo.Timelines.isSessionOn;
import static dev.winback.local.demo.Timelines.last;
import static org.assertj.core.api.Assertions.assertThat;

/** Each persona shows the behaviour the engine has to tell apart; shares leave room for chance. */
class PersonaBehaviourTest {

    private final TestBases.Generated generated = TestBases.medium();
    private final Instant end = generated.base().config().end();
    private final Instant lastMonth = end.minus(Duration.ofDays(30));

    @Test
    void singlePlatformPersonas_stayOnTheirPlatform() {
        assertOnlyOn(Persona.APP_ONLY, Platform.APP);
        assertOnlyOn(Persona.WEB_ONLY, Platform.WEB);
        assertOnlyOn(Persona.STORE_ONLY, Platform.STORE);
    }

    @Test
    void omnichannelCustomers_useSeveralPlatforms() {
        double share = share(Persona.OMNICHANNEL, events -> platformsUsed(events) >= 2);

        assertThat(share).isGreaterThan(0.6);
    }

    @Test
    void webToAppMigrants_moveToTheAppAndStayActive() {
        for (SyntheticCustomer migrant : generated.customers(Persona.WEB_TO_APP_MIGRANT)) {
            List<EngagementEvent> events = generated.of(migrant);
            Instant installed = first(events, e -> e.type().equals("app_installed")).orElseThrow();
            assertThat(count(events, "app_installed")).as(migrant.customerId()).isEqualTo(1);
            assertThat(count(events, "app_uninstalled")).as(migrant.customerId()).isZero();
            first(events, e -> isSessionOn(e, Platform.APP)).ifPresent(firstAppSession ->
                    assertThat(firstAppSession).as(migrant.customerId()).isAfter(installed));
            last(events, e -> isSessionOn(e, Platform.WEB)).ifPresent(lastWeb ->
                    assertThat(lastWeb).as("web fades out for " + migrant.customerId())
                            .isBefore(installed.plus(Duration.ofDays(26))));
        }
        assertThat(share(Persona.WEB_TO_APP_MIGRANT, events -> count(events, e -> isSessionOn(e, Platform.WEB)) > 0))
                .as("were on the web first").isGreaterThan(0.85);
        assertThat(share(Persona.WEB_TO_APP_MIGRANT, this::activeInLastMonth))
                .as("active in the last month: migration is not churn").isGreaterThan(0.85);
    }

    @Test
    void storeToWebMovers_moveOnlineAndStayActive() {
        for (SyntheticCustomer mover : generated.customers(Persona.STORE_TO_WEB_MOVER)) {
            List<EngagementEvent> events = generated.of(mover);
            first(events, e -> isSessionOn(e, Platform.WEB)).ifPresent(firstWeb ->
                    last(events, e -> isSessionOn(e, Platform.STORE)).ifPresent(lastStore ->
                            assertThat(lastStore).as(mover.customerId()).isBefore(firstWeb.plus(Duration.ofDays(31)))));
            assertThat(count(events, e -> isSessionOn(e, Platform.APP))).isZero();
        }
        assertThat(share(Persona.STORE_TO_WEB_MOVER, events -> count(events, e -> isSessionOn(e, Platform.WEB)) > 0))
                .isGreaterThan(0.9);
        assertThat(share(Persona.STORE_TO_WEB_MOVER, this::activeInLastMonth)).isGreaterThan(0.8);
    }

    @Test
    void lapsedCustomers_stopEverywhere_yetKeepBeingMessaged() {
        // Lapses fall by 60% of the window; a purchase may still finish minutes after the last session.
        Instant lastLapse = generated.base().config().start().plus(Duration.ofDays(72)).plus(Duration.ofHours(1));
        for (SyntheticCustomer lapsed : generated.customers(Persona.LAPSED)) {
            last(generated.of(lapsed), Timelines::isActivity).ifPresent(lastActivity ->
                    assertThat(lastActivity).as(lapsed.customerId()).isBefore(lastLapse));
        }
        assertThat(share(Persona.LAPSED, events -> count(events, Timelines::isActivity) > 0))
                .as("were active before lapsing").isGreaterThan(0.9);
        assertThat(share(Persona.LAPSED, events -> last(events, Timelines::isActivity)
                .map(lastActivity -> count(events, e -> e.type().equals("message_sent")
                        && e.occurredAt().isAfter(lastActivity)) > 0).orElse(false)))
                .as("messaged after going silent").isGreaterThan(0.7);
    }

    @Test
    void messageIgnorers_stayActive_butNeverAnswer() {
        for (SyntheticCustomer ignorer : generated.customers(Persona.MESSAGE_IGNORER)) {
            List<EngagementEvent> events = generated.of(ignorer);
            assertThat(count(events, e -> e.type().equals("message_clicked") || e.type().equals("message_converted")))
                    .as(ignorer.customerId()).isZero();
            if (!ignorer.has(Trait.PRIVACY_PROXY_OPENS)) {
                assertThat(count(events, "message_opened")).as(ignorer.customerId()).isZero();
            }
        }
        assertThat(share(Persona.MESSAGE_IGNORER, events -> count(events, "message_sent") > 0)).isGreaterThan(0.75);
        assertThat(share(Persona.MESSAGE_IGNORER, this::activeInLastMonth)).isGreaterThan(0.8);
    }

    @Test
    void oneTimeBuyers_joinInTheWindow_andMostlyBuyOnce() {
        for (SyntheticCustomer buyer : generated.customers(Persona.ONE_TIME_BUYER)) {
            assertThat(buyer.has(Trait.NEW_IN_WINDOW)).as(buyer.customerId()).isTrue();
            assertThat(count(generated.of(buyer), "purchase_completed")).as(buyer.customerId()).isPositive();
        }
        assertThat(share(Persona.ONE_TIME_BUYER, events -> count(events, "purchase_completed") == 1))
                .isGreaterThan(0.9);
    }

    @Test
    void loyalBuyers_buyMoreOften_andMoreRegularly() {
        double loyal = meanPurchases(Persona.LOYAL_BUYER);
        double webOnly = meanPurchases(Persona.WEB_ONLY);

        assertThat(loyal).isGreaterThan(2 * webOnly);
        List<Double> variation = generated.customers(Persona.LOYAL_BUYER).stream()
                .map(generated::of)
                .filter(events -> count(events, "purchase_completed") >= 5)
                .map(PersonaBehaviourTest::gapVariation)
                .sorted()
                .toList();
        assertThat(variation).hasSizeGreaterThan(30);
        assertThat(variation.get(variation.size() / 2)).as("median coefficient of variation of gaps").isLessThan(0.8);
    }

    @Test
    void storeCustomers_buyInStores_andOnlineOrdersAreShipped() {
        for (SyntheticCustomer customer : generated.customers(Persona.STORE_ONLY)) {
            List<EngagementEvent> events = generated.of(customer);
            assertThat(events).filteredOn(e -> e.type().equals("purchase_completed"))
                    .allSatisfy(purchase -> assertThat(purchase.platform()).contains(Platform.STORE));
            assertThat(count(events, "order_status_changed")).isZero();
        }
        long shipped = generated.events().stream()
                .filter(e -> e.payload() instanceof EventPayload.OrderStatusChanged status
                        && status.status().equals("delivered"))
                .count();
        assertThat(shipped).isPositive();
    }

    private void assertOnlyOn(Persona persona, Platform platform) {
        for (SyntheticCustomer customer : generated.customers(persona)) {
            List<EngagementEvent> events = generated.of(customer);
            for (Platform other : Platform.values()) {
                if (other != platform) {
                    assertThat(count(events, e -> isSessionOn(e, other))).as("%s on %s", customer, other).isZero();
                }
            }
        }
        assertThat(share(persona, events -> count(events, e -> isSessionOn(e, platform)) > 0)).isGreaterThan(0.9);
    }

    private boolean activeInLastMonth(List<EngagementEvent> events) {
        return events.stream().anyMatch(e -> isActivity(e) && e.occurredAt().isAfter(lastMonth));
    }

    private double share(Persona persona, Predicate<List<EngagementEvent>> condition) {
        List<SyntheticCustomer> customers = generated.customers(persona);
        assertThat(customers).as("customers of %s", persona).hasSizeGreaterThan(50);
        return customers.stream().filter(c -> condition.test(generated.of(c))).count() / (double) customers.size();
    }

    private double meanPurchases(Persona persona) {
        return generated.customers(persona).stream()
                .mapToLong(c -> count(generated.of(c), "purchase_completed"))
                .average().orElseThrow();
    }

    private static long platformsUsed(List<EngagementEvent> events) {
        return java.util.Arrays.stream(Platform.values())
                .filter(p -> events.stream().anyMatch(e -> isSessionOn(e, p)))
                .count();
    }

    private static double gapVariation(List<EngagementEvent> events) {
        List<Instant> purchases = events.stream().filter(e -> e.type().equals("purchase_completed"))
                .map(EngagementEvent::occurredAt).toList();
        double[] gaps = new double[purchases.size() - 1];
        for (int i = 1; i < purchases.size(); i++) {
            gaps[i - 1] = Duration.between(purchases.get(i - 1), purchases.get(i)).toSeconds();
        }
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        double variance = java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).average().orElseThrow();
        return Math.sqrt(variance) / mean;
    }
}
