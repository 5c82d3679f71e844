package dev.winback.core.preferences;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.preferences.PreferenceChanges.Plan;
import dev.winback.core.preferences.PreferenceForm.Submission;
import dev.winback.core.record.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Choices against a record: only differences become events, channels become consent, and blocks hold. */
class PreferenceChangesTest {

    static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z"); // 16:00 in Madrid
    static final Instant BEFORE = NOW.minus(Duration.ofDays(30));
    static final DeliveryPolicy POLICY = DeliveryPolicy.defaults();
    static final ChoiceOrigin CENTRE = ChoiceOrigin.centre(Optional.of("192.0.2.7"));

    /** Email subscribed with consent, SMS subscribed, push granted, all in Madrid. */
    static Customer customer() {
        return new Customer("c-1")
                .with(BEFORE, new EventPayload.ProfileUpdated(Optional.of("a@example.com"), Optional.of("+34600000000"),
                        Optional.of("Europe/Madrid"), Optional.of("es-ES"), Optional.empty(), Optional.of("arn:endpoint/1")))
                .with(BEFORE, new EventPayload.AppInstalled())
                .with(BEFORE, new EventPayload.PushPermissionChanged(true))
                .with(BEFORE, new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1"))
                .with(BEFORE, new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED))
                .with(BEFORE, new EventPayload.SmsSubscriptionChanged(SmsStatus.SUBSCRIBED));
    }

    static Plan plan(Customer customer, Map<String, List<String>> fields) {
        return PreferenceChanges.plan(customer.record(), PreferenceForm.read(fields), CENTRE, POLICY, NOW);
    }

    static List<EngagementEvent> events(Plan plan) {
        assertThat(plan).isInstanceOf(Plan.Changes.class);
        return ((Plan.Changes) plan).events();
    }

    static List<ChoiceError> errors(Plan plan) {
        assertThat(plan).isInstanceOf(Plan.Refused.class);
        return ((Plan.Refused) plan).errors();
    }

    @Test
    void thePageSubmittedUnchanged_writesNothing() {
        Customer customer = customer();
        PreferenceView view = PreferenceView.of(customer.record(), POLICY, NOW);
        assertThat(view.channels()).extracting(ChannelOption::channel)
                .containsExactly(Channel.EMAIL, Channel.SMS, Channel.PUSH, Channel.IN_APP);
        assertThat(view.channels()).allMatch(ChannelOption::on);

        assertThat(events(plan(customer, Map.of(
                "categories.promotions", List.of("off", "on"), "categories.surveys", List.of("off", "on"),
                "channels.email", List.of("off", "on"), "channels.sms", List.of("off", "on"),
                "channels.push", List.of("off", "on"), "maxPerWeek", List.of("0"),
                "quietHours.start", List.of("21:00"), "quietHours.end", List.of("08:00"),
                "pausedUntil", List.of(""))))).isEmpty();
    }

    @Test
    void untickingEmail_withdrawsConsentWithEvidence_andUnsubscribes() {
        List<EngagementEvent> events = events(plan(customer(), Map.of("channels.email", List.of("off"))));

        assertThat(events).extracting(EngagementEvent::payload).containsExactly(
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, false, "preference-centre",
                        ChoiceOrigin.WORDING_VERSION, Optional.empty(), Optional.of("192.0.2.7")),
                new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED));
        assertThat(events).allMatch(e -> e.occurredAt().equals(NOW) && e.customerId().equals("c-1"));
        assertThat(customer().apply(events).record().channel(Channel.EMAIL).subscription().value())
                .isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    }

    @Test
    void tickingAChannelWithoutConsent_isAnExplicitOptIn_fromTheAdminApiWithoutAnAddress() {
        Customer customer = customer().with(BEFORE.plusSeconds(1),
                new EventPayload.SmsSubscriptionChanged(SmsStatus.UNSUBSCRIBED));

        List<EngagementEvent> events = events(PreferenceChanges.plan(customer.record(),
                PreferenceForm.read(Map.of("channels.sms", List.of("off", "on"))), ChoiceOrigin.admin(), POLICY, NOW));

        assertThat(events).extracting(EngagementEvent::payload).containsExactly(
                new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, true, "admin-api",
                        ChoiceOrigin.WORDING_VERSION, Optional.empty(), Optional.empty()),
                new EventPayload.SmsSubscriptionChanged(SmsStatus.SUBSCRIBED));
    }

    @Test
    void aComplainedEmail_isUnavailable_cannotBeTurnedOn_andAWithdrawalKeepsTheComplaint() {
        Customer customer = customer().with(BEFORE.plusSeconds(1),
                new EventPayload.EmailSubscriptionChanged(EmailStatus.COMPLAINED));
        ChannelOption email = PreferenceView.of(customer.record(), POLICY, NOW).channels().getFirst();
        assertThat(email.unavailable()).get().asString().contains("spam");

        Customer withdrawn = customer().with(BEFORE.plusSeconds(1),
                new EventPayload.EmailSubscriptionChanged(EmailStatus.COMPLAINED)).with(BEFORE.plusSeconds(2),
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, false, "support", "v1"));
        assertThat(errors(plan(withdrawn, Map.of("channels.email", List.of("on")))))
                .containsExactly(new ChoiceError("channels.email", "cannot be turned on: " + email.unavailable().get()));

        // Still consented in the register: turning it off records that, and never replaces the complaint.
        List<EngagementEvent> events = events(plan(customer, Map.of("channels.email", List.of("off"))));
        assertThat(events).extracting(e -> e.payload().type()).containsExactly("consent_changed");
        assertThat(customer.apply(events).record().channel(Channel.EMAIL).subscription().value())
                .isEqualTo(SubscriptionStatus.COMPLAINED);
    }

    @Test
    void afterAnSmsStop_smsIsUnavailable_andTickingItIsRefused_soALinkCannotReSubscribe() {
        Customer stopped = customer()
                .with(BEFORE.plusSeconds(1), new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, false,
                        dev.winback.core.record.SmsStop.KEYWORD_SOURCE, "sms-stop-v1"))
                .with(BEFORE.plusSeconds(1), new EventPayload.SmsSubscriptionChanged(SmsStatus.UNSUBSCRIBED));
        ChannelOption sms = PreferenceView.of(stopped.record(), POLICY, NOW).channels().stream()
                .filter(option -> option.channel() == Channel.SMS).findFirst().orElseThrow();
        assertThat(sms.unavailable()).get().asString().contains("START");

        assertThat(errors(plan(stopped, Map.of("channels.sms", List.of("on")))))
                .containsExactly(new ChoiceError("channels.sms", "cannot be turned on: " + sms.unavailable().get()));
    }

    @Test
    void pushWithoutOsPermission_isUnavailable_andAnUnreachableAddressToo() {
        Customer customer = customer().with(BEFORE.plusSeconds(1), new EventPayload.PushPermissionChanged(false))
                .with(BEFORE.plusSeconds(1), new EventPayload.MessageFailed("m-1", Channel.SMS,
                        dev.winback.core.event.FailureReason.BOUNCED));
        PreferenceView view = PreferenceView.of(customer.record(), POLICY, NOW);

        assertThat(view.channels()).filteredOn(o -> o.channel() == Channel.PUSH).singleElement()
                .satisfies(o -> assertThat(o.unavailable()).get().asString().contains("settings"));
        assertThat(view.channels()).filteredOn(o -> o.channel() == Channel.SMS).singleElement()
                .satisfies(o -> assertThat(o.unavailable()).get().asString().contains("could not be delivered"));
        // SMS is still subscribed (the bounce does not change what they said), so "on" is no change there.
        assertThat(errors(plan(customer, Map.of("channels.push", List.of("on"), "channels.sms", List.of("on")))))
                .extracting(ChoiceError::field).containsExactly("channels.push");
    }

    @Test
    void channelsWithoutAnAddressOrApp_areNotOffered_andChoosingThemIsRefused() {
        Customer customer = new Customer("c-2").with(BEFORE, new EventPayload.ProfileUpdated(
                Optional.of("b@example.com"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(PreferenceView.of(customer.record(), POLICY, NOW).channels()).extracting(ChannelOption::channel)
                .containsExactly(Channel.EMAIL);

        assertThat(errors(plan(customer, Map.of("channels.sms", List.of("on"), "channels.in_app", List.of("off"),
                "channels.webhook", List.of("on"))))).extracting(ChoiceError::field)
                .containsExactlyInAnyOrder("channels.sms", "channels.in_app", "channels.webhook");
    }

    @Test
    void categoriesLimitQuietHoursAndPause_areOnePreferencesChangedEvent_withOnlyWhatChanged() {
        List<EngagementEvent> events = events(plan(customer(), Map.of(
                "categories.promotions", List.of("off"), "categories.reminders", List.of("off", "on"),
                "maxPerWeek", List.of("2"), "quietHours.start", List.of("22:30"), "quietHours.end", List.of("07:00"),
                "pausedUntil", List.of("2026-12-24"))));

        assertThat(events).singleElement().extracting(EngagementEvent::payload).isEqualTo(
                new EventPayload.PreferencesChanged(Optional.of(Set.of(MessageCategory.PROMOTIONS)), Optional.empty(),
                        Optional.of(2), Optional.of(new QuietHours(LocalTime.of(22, 30), LocalTime.of(7, 0))),
                        // Midnight after 24 December in Madrid (UTC+1 in winter).
                        Optional.of(Instant.parse("2026-12-24T23:00:00Z"))));
    }

    @Test
    void thePauseDate_isAfterTodayAndWithinAYear_inTheCustomersZone() {
        // 23:30 on 23 November in Madrid is still the 23rd there, already the 24th in UTC.
        Instant lateEvening = Instant.parse("2026-11-23T22:30:00Z");
        Customer customer = customer();
        Plan today = PreferenceChanges.plan(customer.record(),
                PreferenceForm.read(Map.of("pausedUntil", List.of("2026-11-23"))), CENTRE, POLICY, lateEvening);
        Plan tomorrow = PreferenceChanges.plan(customer.record(),
                PreferenceForm.read(Map.of("pausedUntil", List.of("2026-11-24"))), CENTRE, POLICY, lateEvening);
        Plan yearAhead = plan(customer, Map.of("pausedUntil", List.of("2027-11-23")));
        Plan tooFar = plan(customer, Map.of("pausedUntil", List.of("2027-11-24")));

        assertThat(errors(today)).containsExactly(new ChoiceError("pausedUntil", "must be a date after today"));
        assertThat(events(tomorrow)).hasSize(1);
        assertThat(events(yearAhead)).hasSize(1);
        assertThat(errors(tooFar)).containsExactly(new ChoiceError("pausedUntil", "must be at most a year from today"));
        assertThat(PreferenceView.of(customer.apply(events(tomorrow)).record(), POLICY, lateEvening).pausedUntil())
                .contains(LocalDate.of(2026, 11, 24));
    }

    @Test
    void resumeNow_endsARunningPause_andIsNothingWithoutOne() {
        Customer customer = customer();
        assertThat(events(plan(customer, Map.of("resume", List.of("now"))))).isEmpty();
        customer.with(BEFORE, new EventPayload.PreferencesChanged(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(NOW.plus(Duration.ofDays(3)))));
        assertThat(PreferenceView.of(customer.record(), POLICY, NOW).pausedUntil()).isPresent();

        List<EngagementEvent> events = events(plan(customer, Map.of("resume", List.of("now"))));

        assertThat(events).singleElement().extracting(EngagementEvent::payload).isEqualTo(
                new EventPayload.PreferencesChanged(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(NOW)));
        assertThat(PreferenceView.of(customer.apply(events).record(), POLICY, NOW).pausedUntil()).isEmpty();
    }

    @Test
    void noQuietHours_overridesTheDefault_butTheDefaultSubmittedAgainIsNoChange() {
        Customer customer = customer();
        assertThat(PreferenceView.of(customer.record(), POLICY, NOW).quietHours()).contains(POLICY.quietHours());
        assertThat(events(plan(customer, Map.of("quietHours.start", List.of("21:00"), "quietHours.end",
                List.of("08:00"))))).isEmpty();

        List<EngagementEvent> none = events(plan(customer, Map.of("quietHours.start", List.of(""),
                "quietHours.end", List.of(""))));

        assertThat(none).singleElement().extracting(e -> ((EventPayload.PreferencesChanged) e.payload()).quietHours())
                .isEqualTo(Optional.of(QuietHours.NONE));
        assertThat(PreferenceView.of(customer.apply(none).record(), POLICY, NOW).quietHours()).isEmpty();
    }

    @Test
    void aChannelAnIntegratorMuted_showsOff_andTickingItUnmutesWithoutANewConsent() {
        Customer customer = customer().with(BEFORE.plusSeconds(1), new EventPayload.PreferencesChanged(
                Optional.empty(), Optional.of(Set.of(Channel.EMAIL, Channel.SMS)), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(PreferenceView.of(customer.record(), POLICY, NOW).channels().getFirst().on()).isFalse();

        List<EngagementEvent> events = events(plan(customer, Map.of("channels.email", List.of("off", "on"))));

        assertThat(events).singleElement().extracting(e -> ((EventPayload.PreferencesChanged) e.payload()).mutedChannels())
                .isEqualTo(Optional.of(Set.of(Channel.SMS)));
    }

    @Test
    void eventIds_aRetryIsADuplicate_aLaterChoiceIsNot_evenWhenItRestoresAnEarlierOne() {
        Customer customer = customer();
        Map<String, List<String>> off = Map.of("channels.email", List.of("off"), "categories.surveys", List.of("off"));
        Map<String, List<String>> on = Map.of("channels.email", List.of("on"), "categories.surveys", List.of("on"));

        List<EngagementEvent> first = events(plan(customer, off));
        List<EngagementEvent> retry = events(PreferenceChanges.plan(customer.record(), PreferenceForm.read(off),
                ChoiceOrigin.centre(Optional.of("198.51.100.1")), POLICY, NOW.plusSeconds(3)));
        assertThat(retry).extracting(EngagementEvent::eventId)
                .containsExactlyElementsOf(first.stream().map(EngagementEvent::eventId).toList());

        customer.apply(first);
        assertThat(events(plan(customer, off))).as("applied: nothing left to do").isEmpty();
        List<EngagementEvent> back = events(PreferenceChanges.plan(customer.record(), PreferenceForm.read(on), CENTRE,
                POLICY, NOW.plusSeconds(60)));
        customer.apply(back);
        List<EngagementEvent> offAgain = events(PreferenceChanges.plan(customer.record(), PreferenceForm.read(off),
                CENTRE, POLICY, NOW.plusSeconds(120)));

        assertThat(offAgain).extracting(EngagementEvent::eventId)
                .doesNotContainAnyElementsOf(first.stream().map(EngagementEvent::eventId).toList());
        assertThat(PreferenceView.of(customer.apply(offAgain).record(), POLICY, NOW.plusSeconds(120)).channels()
                .getFirst().on()).isFalse();
        assertThat(offAgain).allMatch(e -> e.eventId().matches("[A-Za-z0-9._:@-]{1,128}"));
    }

    @Test
    void formErrorsAndRecordErrors_areReportedTogether_andNothingIsPlanned() {
        Submission submission = PreferenceForm.read(Map.of("maxPerWeek", List.of("17"), "channels.webhook",
                List.of("on"), "pausedUntil", List.of("2020-01-01")));

        assertThat(PreferenceChanges.plan(customer().record(), submission, CENTRE, POLICY, NOW))
                .isInstanceOfSatisfying(Plan.Refused.class, refused -> assertThat(refused.errors())
                        .extracting(ChoiceError::field)
                        .containsExactlyInAnyOrder("maxPerWeek", "channels.webhook", "pausedUntil"));
    }
}
