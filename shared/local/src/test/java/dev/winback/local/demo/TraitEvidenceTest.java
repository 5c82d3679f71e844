package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.SmsStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static dev.winback.local.demo.Timelines.count;
import static dev.winback.local.demo.Timelines.first;
import static org.assertj.core.api.Assertions.assertThat;

/** A trait is a label on the generator's side; the customer's events must show exactly what it names. */
class TraitEvidenceTest {

    private final TestBases.Generated generated = TestBases.medium();

    @ParameterizedTest
    @EnumSource(value = Trait.class, names = {"NEW_IN_WINDOW", "PRIVACY_PROXY_OPENS"}, mode = EnumSource.Mode.EXCLUDE)
    void trait_isPresentExactlyWhenTheEventsShowIt(Trait trait) {
        Predicate<List<EngagementEvent>> evidence = evidenceOf(trait);
        int labelled = 0;
        for (SyntheticCustomer customer : generated.base().customers()) {
            boolean shown = evidence.test(generated.of(customer));
            assertThat(shown).as("%s of %s", trait, customer).isEqualTo(customer.has(trait));
            labelled += customer.has(trait) ? 1 : 0;
        }
        assertThat(labelled).as("customers with %s", trait).isGreaterThanOrEqualTo(5);
    }

    @Test
    void newCustomers_startWithASignUp_whileExistingOnesAreImportedAtTheStart() {
        Instant importEnds = generated.base().config().start().plus(Duration.ofDays(2)).plus(Duration.ofMinutes(10));
        for (SyntheticCustomer customer : generated.base().customers()) {
            EngagementEvent firstEvent = generated.of(customer).get(0);
            if (customer.has(Trait.NEW_IN_WINDOW)) {
                assertThat(firstEvent.type()).as(customer.customerId())
                        .isIn("app_installed", "session_started", "store_visited");
            } else {
                assertThat(firstEvent.occurredAt()).as(customer.customerId()).isBefore(importEnds);
            }
        }
    }

    @Test
    void privacyProxies_openEveryDeliveredEmail_mostlyWithoutClicking() {
        Instant lastHour = generated.base().config().end().minus(Duration.ofHours(1));
        long opens = 0;
        long clicks = 0;
        for (SyntheticCustomer customer : generated.base().customers()) {
            if (!customer.has(Trait.PRIVACY_PROXY_OPENS)) {
                continue;
            }
            List<EngagementEvent> events = generated.of(customer);
            Set<String> opened = ids(events, MessageFeedbackKind.OPENED);
            events.stream()
                    .filter(e -> e.occurredAt().isBefore(lastHour))
                    .filter(e -> e.payload() instanceof EventPayload.MessageFeedback f
                            && f.kind() == MessageFeedbackKind.DELIVERED && f.channel() == Channel.EMAIL)
                    .forEach(e -> assertThat(opened).as(customer.customerId())
                            .contains(((EventPayload.MessageFeedback) e.payload()).messageId()));
            opens += opened.size();
            clicks += ids(events, MessageFeedbackKind.CLICKED).stream().filter(opened::contains).count();
        }
        assertThat(opens).isGreaterThan(1_000);
        assertThat(clicks).isLessThan(opens / 5);
    }

    @Test
    void uninstalls_oftenFollowAPushOptOut() {
        List<SyntheticCustomer> uninstallers = generated.base().customers().stream()
                .filter(c -> c.has(Trait.APP_UNINSTALLED)).toList();
        long afterOptOut = uninstallers.stream().filter(c -> {
            List<EngagementEvent> events = generated.of(c);
            Instant uninstalled = first(events, e -> e.type().equals("app_uninstalled")).orElseThrow();
            return events.stream().anyMatch(e -> e.occurredAt().isBefore(uninstalled)
                    && e.payload() instanceof EventPayload.PushPermissionChanged p && !p.granted());
        }).count();

        assertThat(afterOptOut).isGreaterThan(uninstallers.size() * 4L / 10);
    }

    @Test
    void lateOptOuts_wereSentMorePushesWhileOptedIn() {
        double optedOut = pushesPerGrantedDay(true);
        double others = pushesPerGrantedDay(false);

        assertThat(optedOut).isGreaterThan(2 * others);
    }

    private double pushesPerGrantedDay(boolean optedOutLate) {
        Instant end = generated.base().config().end();
        long pushes = 0;
        double days = 0;
        for (SyntheticCustomer customer : generated.base().customers()) {
            if (customer.has(Trait.PUSH_OPTED_OUT_AFTER_OPT_IN) != optedOutLate) {
                continue;
            }
            List<EngagementEvent> events = generated.of(customer);
            Instant granted = first(events, e -> e.payload() instanceof EventPayload.PushPermissionChanged p
                    && p.granted()).orElse(null);
            if (granted == null) {
                continue;
            }
            Instant stopped = first(events, e -> e.occurredAt().isAfter(granted)
                    && (e.payload() instanceof EventPayload.PushPermissionChanged p && !p.granted()
                    || e.type().equals("app_uninstalled"))).orElse(end);
            pushes += count(events, e -> Timelines.isSent(e, Channel.PUSH));
            days += Duration.between(granted, stopped).toSeconds() / 86_400.0;
        }
        assertThat(days).isPositive();
        return pushes / days;
    }

    private static Predicate<List<EngagementEvent>> evidenceOf(Trait trait) {
        return switch (trait) {
            case PUSH_DECLINED_AFTER_INSTALL -> TraitEvidenceTest::declinedPushRightAfterInstall;
            case PUSH_OPTED_OUT_AFTER_OPT_IN -> TraitEvidenceTest::optedOutLongAfterGranting;
            case APP_UNINSTALLED -> events -> count(events, "app_uninstalled") > 0;
            case APP_REINSTALLED -> events -> first(events, e -> e.type().equals("app_uninstalled"))
                    .map(gone -> count(events, e -> e.type().equals("app_installed") && e.occurredAt().isAfter(gone)) > 0)
                    .orElse(false);
            case EMAIL_UNSUBSCRIBED -> emailStatus(EmailStatus.UNSUBSCRIBED);
            case EMAIL_COMPLAINED -> emailStatus(EmailStatus.COMPLAINED);
            case EMAIL_BLOCKED -> emailStatus(EmailStatus.BLOCKED);
            case SMS_SUBSCRIBED -> smsStatus(SmsStatus.SUBSCRIBED);
            case SMS_UNSUBSCRIBED -> smsStatus(SmsStatus.UNSUBSCRIBED);
            case MEMBER -> events -> count(events, "membership_changed") > 0;
            case MEMBERSHIP_CANCELLED -> events -> count(events, e -> e.payload() instanceof EventPayload.MembershipChanged m
                    && m.status() == MembershipStatus.CANCELLED) > 0;
            case NEW_IN_WINDOW, PRIVACY_PROXY_OPENS -> throw new IllegalArgumentException(trait + " is checked apart");
        };
    }

    /** Push switched off within four days of a first install (a reinstall does not count). */
    private static boolean declinedPushRightAfterInstall(List<EngagementEvent> events) {
        Instant uninstalled = first(events, e -> e.type().equals("app_uninstalled")).orElse(Instant.MAX);
        return first(events, e -> e.type().equals("app_installed") && e.occurredAt().isBefore(uninstalled))
                .map(installed -> events.stream().anyMatch(e ->
                        e.payload() instanceof EventPayload.PushPermissionChanged p && !p.granted()
                                && !e.occurredAt().isBefore(installed)
                                && !e.occurredAt().isAfter(installed.plus(Duration.ofDays(4)).plusSeconds(300))))
                .orElse(false);
    }

    /** Push switched off two weeks or more after granting it, the app installed all along. */
    private static boolean optedOutLongAfterGranting(List<EngagementEvent> events) {
        Instant granted = null;
        for (EngagementEvent event : events) {
            if (event.type().equals("app_uninstalled")) {
                granted = null;
            } else if (event.payload() instanceof EventPayload.PushPermissionChanged p) {
                if (p.granted()) {
                    granted = event.occurredAt();
                } else if (granted != null && !event.occurredAt().isBefore(granted.plus(Duration.ofDays(14)))) {
                    return true;
                } else {
                    granted = null;
                }
            }
        }
        return false;
    }

    private static Predicate<List<EngagementEvent>> emailStatus(EmailStatus status) {
        return events -> count(events, e -> e.payload() instanceof EventPayload.EmailSubscriptionChanged s
                && s.status() == status) > 0;
    }

    private static Predicate<List<EngagementEvent>> smsStatus(SmsStatus status) {
        return events -> count(events, e -> e.payload() instanceof EventPayload.SmsSubscriptionChanged s
                && s.status() == status) > 0;
    }

    private static Set<String> ids(List<EngagementEvent> events, MessageFeedbackKind kind) {
        Set<String> ids = new HashSet<>();
        for (EngagementEvent event : events) {
            if (event.payload() instanceof EventPayload.MessageFeedback f && f.kind() == kind
                    && f.channel() == Channel.EMAIL) {
                ids.add(f.messageId());
            }
        }
        return ids;
    }
}
