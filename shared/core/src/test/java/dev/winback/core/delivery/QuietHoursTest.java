package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.QuietHours;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.event.MessageCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @ParameterizedTest(name = "{0} at {1} opens at {2}")
    @CsvSource({
            // The night the clocks go back in New York (02:00 EDT -> 01:00 EST): 08:00 EST is 13:00Z.
            "America/New_York, 2026-11-01T02:00:00Z, 2026-11-01T13:00:00Z",
            // The night they go forward in Madrid (02:00 CET -> 03:00 CEST): 08:00 CEST is 06:00Z.
            "Europe/Madrid, 2026-03-28T21:30:00Z, 2026-03-29T06:00:00Z",
            // No daylight saving in Seoul: 22:00 KST opens at 08:00 KST.
            "Asia/Seoul, 2026-06-01T13:00:00Z, 2026-06-01T23:00:00Z",
            // Just after midnight in Sydney, in its summer time (UTC+11).
            "Australia/Sydney, 2026-01-10T13:30:00Z, 2026-01-10T21:00:00Z",
            // 21:00 exactly is quiet; the window ends at 08:00 exactly.
            "UTC, 2026-05-05T21:00:00Z, 2026-05-06T08:00:00Z",
    })
    void theWindowOpensAtTheLocalHourWhateverTheOffsetDid(String zone, Instant now, Instant opens) {
        assertThat(QuietWindow.opensAt(DEFAULT, ZoneId.of(zone), now)).contains(opens);
    }

    @ParameterizedTest(name = "{0} at {1} is not quiet")
    @CsvSource({
            "America/New_York, 2026-11-01T12:59:59Z",
            "America/New_York, 2026-11-01T13:00:00Z",
            "Europe/Madrid, 2026-03-29T06:00:00Z",
            "Asia/Kolkata, 2026-06-01T15:29:00Z",
    })
    void outsideTheWindowNothingWaits(String zone, Instant now) {
        if (now.equals(Instant.parse("2026-11-01T12:59:59Z"))) {
            // 07:59:59 EST: still quiet, a second before it opens.
            assertThat(QuietWindow.opensAt(DEFAULT, ZoneId.of(zone), now)).contains(Instant.parse("2026-11-01T13:00:00Z"));
            return;
        }
        assertThat(QuietWindow.opensAt(DEFAULT, ZoneId.of(zone), now)).isEmpty();
    }

    @Test
    void aWindowWithinOneDayWorksToo() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.contains(LocalTime.of(13, 0))).isTrue();
        assertThat(lunch.contains(LocalTime.of(14, 0))).isFalse();
        assertThat(QuietHours.NONE.contains(LocalTime.NOON)).isFalse();
    }

    /**
     * Every quarter hour across the DST weekends of three zones, a marketing SMS and a marketing push
     * are requested: none leaves inside 21:00-08:00 local time, and every held one leaves at 08:00.
     */
    @ParameterizedTest(name = "{0} around {1}")
    @CsvSource({
            "America/New_York, 2026-10-31T00:00:00Z",
            "America/New_York, 2026-03-07T00:00:00Z",
            "Europe/Madrid, 2026-03-28T00:00:00Z",
            "Europe/Madrid, 2026-10-24T00:00:00Z",
            "Asia/Tokyo, 2026-07-01T00:00:00Z",
    })
    void noMarketingSmsOrPushInsideQuietHours(String zone, Instant from) {
        MutableClock clock = new MutableClock(from);
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        Customers customers = new Customers(store);
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        ZoneId zoneId = ZoneId.of(zone);
        ScriptedSender sms = new ScriptedSender(Channel.SMS, false);
        ScriptedSender push = new ScriptedSender(Channel.PUSH, false);
        List<Instant> sentAt = new java.util.ArrayList<>();
        sms.answering(m -> {
            sentAt.add(clock.instant());
            return new SendResult.Accepted("p", false);
        });
        push.answering(m -> {
            sentAt.add(clock.instant());
            return new SendResult.Accepted("p", false);
        });
        DeliverMessages delivery = new DeliverMessages(store, ledger, List.of(sms, push), new PlainComposer(),
                SendRecorder.NONE, DecisionPublisher.NONE, DeliveryPolicy.defaults().withoutCaps(), clock);
        int requests = 0;
        for (Instant at = from; at.isBefore(from.plus(Duration.ofDays(3))); at = at.plus(Duration.ofMinutes(15))) {
            clock.set(at);
            String customer = "c-" + requests;
            customers.reachable(customer, at, zone);
            Channel channel = requests % 2 == 0 ? Channel.SMS : Channel.PUSH;
            delivery.deliver(new DeliveryRequest(customer, "camp", "camp", "s", Purpose.MARKETING, MessageCategory.PROMOTIONS,
                    List.of(channel), at, at.plus(Duration.ofDays(1)), Duration.ofHours(4), Map.of()));
            delivery.resumeDue(0);
            requests++;
        }
        clock.set(from.plus(Duration.ofDays(3)).plus(Duration.ofHours(14)));
        delivery.resumeDue(0);

        assertThat(sentAt).hasSize(requests);
        for (Instant sent : sentAt) {
            LocalTime local = sent.atZone(zoneId).toLocalTime();
            assertThat(DEFAULT.contains(local)).as("sent at %s local", local).isFalse();
        }
        assertThat(sentAt.stream().map(t -> t.atZone(zoneId).toLocalTime()).filter(t -> t.equals(LocalTime.of(8, 0))))
                .as("held messages leave when the window opens").isNotEmpty();
    }
}
