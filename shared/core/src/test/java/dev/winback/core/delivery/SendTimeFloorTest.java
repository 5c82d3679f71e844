package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal floor on marketing SMS and push (08:00-21:00 in the recipient's time): a customer's own
 * quiet hours only add to it, and an unknown time zone is guessed from the phone number, else held
 * to a window that suits every US zone.
 */
class SendTimeFloorTest {

    final InMemoryEngagementStore store = new InMemoryEngagementStore();
    final Customers customers = new Customers(store);

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"SMS", "PUSH"})
    void choosingNoQuietHoursDoesNotRemoveTheFloor(Channel channel) {
        Instant night = Instant.parse("2026-11-24T04:00:00Z"); // 23:00 in New York
        customers.reachable("c-1", night.minusSeconds(60), "America/New_York");
        quietHours("c-1", night.minusSeconds(30), QuietHours.NONE);

        assertThat(verdict(channel, "c-1", DeliveryPolicy.defaults(), night))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.parse("2026-11-24T13:00:00Z")));
    }

    @Test
    void ownQuietHoursElsewhereInTheDayAddToTheFloor() {
        Instant night = Instant.parse("2026-11-24T03:30:00Z"); // 22:30 in New York
        customers.reachable("c-1", night.minusSeconds(60), "America/New_York");
        quietHours("c-1", night.minusSeconds(30), new QuietHours(LocalTime.of(8, 0), LocalTime.of(9, 30)));

        // Quiet from 21:00 (the floor) through 09:30 (their own hours that follow it).
        assertThat(verdict(Channel.SMS, "c-1", DeliveryPolicy.defaults(), night))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.parse("2026-11-24T14:30:00Z")));
        Instant lunch = Instant.parse("2026-11-24T17:00:00Z");
        assertThat(verdict(Channel.SMS, "c-1", DeliveryPolicy.defaults(), lunch))
                .isInstanceOf(SendRules.ChannelVerdict.Allowed.class);
    }

    @Test
    void ownQuietHoursMayNarrowTheWindow() {
        Instant morning = Instant.parse("2026-11-24T13:30:00Z"); // 08:30 in New York
        customers.reachable("c-1", morning.minusSeconds(60), "America/New_York");
        quietHours("c-1", morning.minusSeconds(30), new QuietHours(LocalTime.of(19, 0), LocalTime.of(10, 0)));

        assertThat(verdict(Channel.PUSH, "c-1", DeliveryPolicy.defaults(), morning))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.parse("2026-11-24T15:00:00Z")));
    }

    @Test
    void withNoTimeZoneTheZoneComesFromThePhoneNumber() {
        Instant tokyoNight = Instant.parse("2026-06-01T13:00:00Z"); // 22:00 in Tokyo, 13:00 UTC
        withoutZone("c-1", tokyoNight.minusSeconds(60), "+81312345678");
        DeliveryPolicy policy = DeliveryPolicy.defaults()
                .withZoneGuess(phone -> phone.startsWith("+81") ? List.of(ZoneId.of("Asia/Tokyo")) : List.of());

        assertThat(verdict(Channel.SMS, "c-1", policy, tokyoNight))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.parse("2026-06-01T23:00:00Z")));
    }

    @Test
    void withNeitherZoneNorAUsableNumberTheWindowSuitsEveryUsZone() {
        // 08:00 in New York but 02:00 in Honolulu: wait for 08:00 in Honolulu.
        Instant eastCoastMorning = Instant.parse("2026-06-01T12:00:00Z");
        withoutZone("c-1", eastCoastMorning.minusSeconds(60), "+15550100123");

        assertThat(verdict(Channel.PUSH, "c-1", DeliveryPolicy.defaults(), eastCoastMorning))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.parse("2026-06-01T18:00:00Z")));
        // 21:00 in New York (EDT) closes it again, though it is only 15:00 in Honolulu.
        assertThat(verdict(Channel.PUSH, "c-1", DeliveryPolicy.defaults(), Instant.parse("2026-06-02T00:59:00Z")))
                .isInstanceOf(SendRules.ChannelVerdict.Allowed.class);
        assertThat(verdict(Channel.PUSH, "c-1", DeliveryPolicy.defaults(), Instant.parse("2026-06-02T01:00:00Z")))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.parse("2026-06-02T18:00:00Z")));
    }

    @Test
    void zonesWithNoCommonWindowNeverOpen() {
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        withoutZone("c-1", at.minusSeconds(60), "+99912345");
        DeliveryPolicy policy = DeliveryPolicy.defaults().withZoneGuess(phone -> List.of(ZoneId.of("UTC"),
                ZoneId.of("Etc/GMT+8"), ZoneId.of("Etc/GMT-8")));

        assertThat(verdict(Channel.SMS, "c-1", policy, at))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.MAX));
    }

    @Test
    void aFailingGuessFallsBackToTheConservativeWindow() {
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        withoutZone("c-1", at.minusSeconds(60), "+15550100123");
        DeliveryPolicy policy = DeliveryPolicy.defaults().withZoneGuess(phone -> {
            throw new IllegalStateException("no data");
        });

        assertThat(verdict(Channel.SMS, "c-1", policy, at))
                .isEqualTo(new SendRules.ChannelVerdict.Quiet(Instant.parse("2026-06-01T18:00:00Z")));
    }

    @Test
    void transactionalAndEmailAreNotHeldByTheFloor() {
        Instant night = Instant.parse("2026-11-24T04:00:00Z");
        customers.reachable("c-1", night.minusSeconds(60), "America/New_York");
        EngagementRecord record = record("c-1");

        assertThat(SendRules.channel(Channel.SMS, request("c-1", Purpose.TRANSACTIONAL, Channel.SMS, night), record,
                DeliveryPolicy.defaults(), night)).isInstanceOf(SendRules.ChannelVerdict.Allowed.class);
        assertThat(verdict(Channel.EMAIL, "c-1", DeliveryPolicy.defaults(), night))
                .isInstanceOf(SendRules.ChannelVerdict.Allowed.class);
    }

    /** A held message gets a timer at the instant the floor opens, and leaves then. */
    @Test
    void aMessageHeldByTheFloorHasATimerAtItsOpening() {
        Instant eastCoastMorning = Instant.parse("2026-06-01T12:00:00Z");
        MutableClock clock = new MutableClock(eastCoastMorning);
        withoutZone("c-1", eastCoastMorning.minusSeconds(60), "+15550100123");
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        ScriptedSender sms = new ScriptedSender(Channel.SMS, false);
        DeliverMessages delivery = new DeliverMessages(store, ledger, List.of(sms), new PlainComposer(),
                SendRecorder.NONE, DecisionPublisher.NONE, DeliveryPolicy.defaults(), clock);
        DeliveryRequest request = request("c-1", Purpose.MARKETING, Channel.SMS, eastCoastMorning);

        assertThat(delivery.deliver(request).status()).contains(LedgerStatus.HELD);
        Instant opens = Instant.parse("2026-06-01T18:00:00Z");
        assertThat(ledger.find(request.key()).orElseThrow().timer()).contains(opens);
        clock.set(opens.minusSeconds(1));
        delivery.resumeDue(0);
        assertThat(sms.calls).isEmpty();
        clock.set(opens);
        delivery.resumeDue(0);
        assertThat(sms.delivered).hasSize(1);
    }

    private SendRules.ChannelVerdict verdict(Channel channel, String customer, DeliveryPolicy policy, Instant now) {
        return SendRules.channel(channel, request(customer, Purpose.MARKETING, channel, now), record(customer), policy, now);
    }

    private EngagementRecord record(String customer) {
        return store.load(List.of(customer)).get(customer).record();
    }

    private void quietHours(String customer, Instant at, QuietHours hours) {
        customers.apply(customer, at, new EventPayload.PreferencesChanged(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(hours), Optional.empty()));
    }

    /** Reachable everywhere with marketing consent, with a phone number but no time zone on file. */
    private void withoutZone(String customer, Instant at, String phone) {
        customers.apply(customer, at, new EventPayload.ProfileUpdated(Optional.of("a@example.com"), Optional.of(phone),
                Optional.empty(), Optional.of("en-US"), Optional.empty(), Optional.of("arn:aws:sns:endpoint/1")));
        customers.apply(customer, at, new EventPayload.PushPermissionChanged(true));
        for (Channel channel : Channel.values()) {
            customers.apply(customer, at, new EventPayload.ConsentChanged(channel, Purpose.MARKETING, true, "signup", "v1"));
        }
    }

    private static DeliveryRequest request(String customer, Purpose purpose, Channel channel, Instant at) {
        return new DeliveryRequest(customer, "camp", "camp", "s", purpose, MessageCategory.PROMOTIONS, List.of(channel),
                at, at.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of());
    }
}
