package dev.winback.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.JourneyHistory;
import dev.winback.local.e2e.JourneyRuntime.Sent;
import dev.winback.local.runtime.delivery.LocalOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.winback.local.e2e.JourneyRuntime.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 end to end on the local runtime: each shipped journey (with the shipped catalog) driven
 * by events through the real ingest handler and by the virtual clock with the schedules ticking,
 * and what went out read from the send ledger: which campaigns, on which channel, at what time.
 */
class JourneysIT {

    /** Monday 15:00 in Berlin. */
    static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
    static final String BERLIN = "Europe/Berlin";
    /** The journeys' timer fires every minute: a step due at t goes out in the firing at or after t. */
    static final Duration FIRING = Duration.ofMinutes(1);

    private JourneyRuntime j;

    private JourneyRuntime start(Map<String, String> env) {
        j = new JourneyRuntime(T0, env);
        return j;
    }

    @AfterEach
    void stop() {
        if (j != null) j.close();
    }

    @Test
    void aPhoneBought_offersTheFirstComplementNotYetBought_atOnce() {
        start(Map.of());
        j.customer("xs-new", BERLIN, Optional.empty());
        j.customer("xs-case", BERLIN, Optional.empty());
        j.customer("xs-all", BERLIN, Optional.empty());
        // One already has a case; the other every accessory the catalog pairs with a phone.
        j.buy("xs-case", "o-case-1", item("case-9", "phone-cases"));
        j.buy("xs-all", "o-all-1", item("case-9", "phone-cases"), item("usb-c", "chargers"),
                item("glass-2", "screen-protectors"));
        Instant before = j.now();
        j.advance(Duration.ofDays(1), Duration.ofDays(1));

        Instant bought = j.now();
        j.buy("xs-new", "o-new-1", item("ph-12", "phones"));
        j.buy("xs-case", "o-case-2", item("ph-12", "phones"));
        j.buy("xs-all", "o-all-2", item("ph-12", "phones"));

        assertThat(j.journeyMessages("xs-new")).containsExactly(
                new Sent("cross-sell", "cross-sell-accessory", "sent", "email", bought));
        assertThat(offerCategories("xs-new")).containsExactly("phone-cases");
        // The case bought the day before was offered screen protectors; the phone, with a case, a charger.
        assertThat(crossSells("xs-case")).containsExactly(
                new Sent("cross-sell", "cross-sell-accessory", "sent", "email", before),
                new Sent("cross-sell", "cross-sell-accessory", "sent", "email", bought));
        assertThat(offerCategories("xs-case")).as("newest first").containsExactly("chargers", "screen-protectors");
        assertThat(crossSells("xs-all")).as("every complement already bought").isEmpty();
    }

    @Test
    void aDeliveredOrder_asksForAReviewFiveDaysLater_unlessAReviewCameFirst() {
        start(Map.of());
        j.customer("rv-ask", BERLIN, Optional.empty());
        j.customer("rv-done", BERLIN, Optional.empty());
        Instant delivered = j.now();
        j.ingest(j.event("rv-ask", new EventPayload.OrderStatusChanged("o-rv-1", "delivered")),
                j.event("rv-done", new EventPayload.OrderStatusChanged("o-rv-2", "delivered")));
        j.advance(Duration.ofDays(2), Duration.ofDays(1));
        j.ingest(j.event("rv-done", new EventPayload.ReviewSubmitted(Optional.of("o-rv-2"), Optional.empty(), 5)));

        j.advance(Duration.ofDays(3).minus(Duration.ofMinutes(2)), Duration.ofDays(1));
        assertThat(reviewAsks("rv-ask")).as("not before five days").isEmpty();
        j.advance(Duration.ofDays(15), Duration.ofDays(1));

        Instant due = delivered.plus(Duration.ofDays(5));
        List<Sent> asked = j.journeyMessages("rv-ask");
        assertThat(asked).extracting(Sent::campaign).containsExactly("order-delivered", "review-request");
        assertThat(asked.getFirst().at()).isEqualTo(delivered);
        assertThat(asked.get(1).channel()).isEqualTo("email");
        assertThat(asked.get(1).at()).isBetween(due, due.plus(FIRING));
        assertThat(j.journeyMessages("rv-done")).as("reviewed before the ask").extracting(Sent::campaign)
                .containsExactly("order-delivered");
        assertThat(history("rv-done", "review-request", "o-rv-2").lastExitReason()).contains("exit_event");
        assertThat(history("rv-ask", "review-request", "o-rv-1").lastExitReason()).contains("no-review");
    }

    @Test
    void aPhone_isDueForAnUpgradeTwoYearsLater() {
        start(Map.of());
        j.customer("up-phone", BERLIN, Optional.empty());
        Instant bought = j.now();
        j.buy("up-phone", "o-up-1", item("ph-12", "phones"));

        long began = System.nanoTime();
        // Big jumps: a tick runs only the firings that find something due.
        j.advance(Duration.ofDays(729), Duration.ofDays(90));
        assertThat(reminders("up-phone")).isEmpty();
        j.advance(Duration.ofDays(2), Duration.ofDays(1));
        long millis = (System.nanoTime() - began) / 1_000_000;

        Instant due = bought.plus(Duration.ofDays(730));
        List<Sent> reminders = reminders("up-phone");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.getFirst().channel()).isEqualTo("email");
        assertThat(reminders.getFirst().at()).isBetween(due, due.plus(FIRING));
        assertThat(j.journeyMessages("up-phone")).extracting(Sent::campaign).containsExactly(
                "cross-sell-accessory", "how-to", "next-order-incentive", "replacement-reminder");
        System.out.printf("two years of virtual time in %d ms%n", millis);
    }

    @Test
    void toothbrushHeads_remindAfterTheirLifetime_thenAfterTheCustomersOwnRhythm() {
        start(Map.of());
        j.customer("tb-steady", BERLIN, Optional.empty());
        j.customer("tb-quick", BERLIN, Optional.empty());
        Instant first = j.now();
        j.buy("tb-steady", "o-tb-1", item("heads-4", "oral-care"));
        j.buy("tb-quick", "o-tb-2", item("heads-4", "oral-care"));

        j.advance(Duration.ofDays(60), Duration.ofDays(10));
        Instant quickAgain = j.now();
        j.buy("tb-quick", "o-tb-3", item("heads-4", "oral-care"));
        j.advance(Duration.ofDays(90), Duration.ofDays(10));
        Instant steadyAgain = j.now();
        j.buy("tb-steady", "o-tb-4", item("heads-4", "oral-care"));
        j.advance(Duration.ofDays(200), Duration.ofDays(10));

        // The lifetime first (90 days), then the 150 days this customer took to reorder.
        assertThat(reminders("tb-steady")).extracting(Sent::at).satisfiesExactly(
                at -> assertThat(at).isBetween(first.plus(Duration.ofDays(90)), first.plus(Duration.ofDays(90)).plus(FIRING)),
                at -> assertThat(at).isBetween(steadyAgain.plus(Duration.ofDays(150)),
                        steadyAgain.plus(Duration.ofDays(150)).plus(FIRING)));
        // Reordered after 60 days, before the first reminder: that reminder never comes, the next one after 60 days.
        assertThat(reminders("tb-quick")).extracting(Sent::at).satisfiesExactly(
                at -> assertThat(at).isBetween(quickAgain.plus(Duration.ofDays(60)),
                        quickAgain.plus(Duration.ofDays(60)).plus(FIRING)));
        assertThat(reminders("tb-quick")).extracting(Sent::channel).containsOnly("email");
    }

    @Test
    void theBirthdayOffer_goesAtNineInTheCustomersZone() {
        start(Map.of());
        // A birthday without a year, as the event contract takes it (MM-DD).
        // New York has moved to summer time by 10 March: nine there is 13:00 UTC.
        j.customer("bd-ny", "America/New_York", Optional.of("03-10"));
        j.customer("bd-tokyo", "Asia/Tokyo", Optional.of("03-10"));

        j.advance(Duration.ofDays(10), Duration.ofHours(6));

        assertThat(j.journeyMessages("bd-ny")).containsExactly(
                new Sent("birthday", "birthday-offer", "sent", "email", Instant.parse("2026-03-10T13:00:00Z")));
        assertThat(j.journeyMessages("bd-tokyo")).containsExactly(
                new Sent("birthday", "birthday-offer", "sent", "email", Instant.parse("2026-03-10T00:00:00Z")));
    }

    @Test
    void anOrderUpdate_reachesACustomerWhoLeftMarketing_whileMarketingJourneysSendNothing() {
        start(Map.of());
        j.customer("tx-out", BERLIN, Optional.empty(), Optional.empty());
        j.ingest(j.event("tx-out", new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED)),
                j.event("tx-out", new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, false, "unsubscribe", "v1")));
        j.buy("tx-out", "o-tx-1", item("ph-12", "phones"));
        Instant shipped = j.now();
        j.ingest(j.event("tx-out", new EventPayload.OrderStatusChanged("o-tx-1", "shipped")));
        j.advance(Duration.ofDays(30), Duration.ofDays(1));

        List<Sent> messages = j.journeyMessages("tx-out");
        assertThat(messages).filteredOn(m -> m.status().equals("sent")).containsExactly(
                new Sent("order-status", "order-shipped", "sent", "email", shipped));
        assertThat(messages).filteredOn(m -> !m.journey().equals("order-status")).extracting(Sent::journey)
                .as("decided, and stopped by delivery").contains("cross-sell", "how-to", "next-order-incentive");
        assertThat(messages).filteredOn(m -> !m.journey().equals("order-status")).extracting(Sent::status)
                .containsOnly("skipped");
        assertThat(j.runtime.delivery().outbox().messages()).filteredOn(m -> m.customerId().equals("tx-out"))
                .extracting(LocalOutbox.Sent::purpose).containsExactly("transactional");
    }

    @Test
    void theInterestQuestion_followsTheSecondOrder_andItsAnswerIsAProfileAttribute() {
        start(Map.of());
        j.customer("sv-1", BERLIN, Optional.empty());
        j.buy("sv-1", "o-sv-1", item("pen", "stationery"));
        j.advance(Duration.ofDays(3), Duration.ofDays(1));
        assertThat(surveys("sv-1")).as("not after the first order").isEmpty();
        Instant second = j.now();
        j.buy("sv-1", "o-sv-2", item("pen", "stationery"));
        j.advance(Duration.ofDays(2), Duration.ofHours(12));

        Instant due = second.plus(Duration.ofDays(1));
        assertThat(surveys("sv-1")).extracting(Sent::at).satisfiesExactly(
                at -> assertThat(at).isBetween(due, due.plus(FIRING)));
        j.ingest(j.event("sv-1", new EventPayload.SurveyAnswered("interests", "running")));

        assertThat(j.customerView("sv-1").at("/profile/attributes/interests/value").asText()).isEqualTo("running");
        assertThat(history("sv-1", "interest-survey", "customer").lastExitReason()).contains("answered");
        j.advance(Duration.ofDays(20), Duration.ofDays(5));
        assertThat(surveys("sv-1")).as("asked once").hasSize(1);
    }

    @Test
    void anOrderUpdate_goesByTheMessengerWebhook_andOnARefusalBySms() throws Exception {
        try (RefusingWebhookReceiver webhook = new RefusingWebhookReceiver()) {
            start(Map.of("WINBACK_WEBHOOK_URL", webhook.uri().toString()));
            j.customer("wh-1", BERLIN, Optional.empty());
            Instant shipped = j.now();
            j.ingest(j.event("wh-1", new EventPayload.OrderStatusChanged("o-wh-1", "shipped")));
            assertThat(j.journeyMessages("wh-1")).containsExactly(
                    new Sent("order-status", "order-shipped", "sent", "webhook", shipped));
            assertThat(webhook.taken()).hasSize(1);

            webhook.refuse(true);
            j.advance(Duration.ofHours(1), Duration.ofHours(1));
            Instant delivered = j.now();
            j.ingest(j.event("wh-1", new EventPayload.OrderStatusChanged("o-wh-1", "delivered")));

            JsonNode entry = j.messages("wh-1").path("messages").get(0);
            assertThat(entry.at("/request/campaignId").asText()).isEqualTo("order-delivered");
            assertThat(entry.path("attempts").findValuesAsText("channel")).containsExactly("webhook", "sms");
            assertThat(entry.path("attempts").findValuesAsText("status")).containsExactly("failed", "sent");
            assertThat(j.journeyMessages("wh-1")).filteredOn(m -> m.campaign().equals("order-delivered"))
                    .containsExactly(new Sent("order-status", "order-delivered", "sent", "sms", delivered));
            assertThat(webhook.taken()).hasSize(1);
            assertThat(j.runtime.delivery().outbox().messages()).filteredOn(m -> m.customerId().equals("wh-1"))
                    .extracting(LocalOutbox.Sent::channel).containsExactly(Channel.SMS);
        }
    }

    private List<Sent> crossSells(String customerId) {
        return j.journeyMessages(customerId).stream().filter(m -> m.journey().equals("cross-sell")).toList();
    }

    private List<Sent> reviewAsks(String customerId) {
        return j.journeyMessages(customerId).stream().filter(m -> m.campaign().equals("review-request")).toList();
    }

    private List<Sent> reminders(String customerId) {
        return j.journeyMessages(customerId).stream().filter(m -> m.journey().equals("replacement-reminder")).toList();
    }

    private List<Sent> surveys(String customerId) {
        return j.journeyMessages(customerId).stream().filter(m -> m.journey().equals("interest-survey")).toList();
    }

    private List<String> offerCategories(String customerId) {
        return j.messages(customerId).path("messages").findValues("request").stream()
                .filter(r -> r.path("campaignId").asText().equals("cross-sell-accessory"))
                .map(r -> r.at("/variables/offerCategory").asText()).toList();
    }

    private JourneyHistory history(String customerId, String journeyId, String key) {
        return j.runtime.journeys().store().load(customerId).journeys().history()
                .get(JourneyHistory.runKey(journeyId, key));
    }
}
