package dev.winback.local.e2e;

import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 3, through the real handlers (DynamoDB Local, SNS on moto) and the deployed wiring
 * (the phone-number zone guess): marketing SMS never leaves outside 08:00-21:00 in the recipient's
 * time, even with no time zone on file, and a held message has a timer at the window's opening.
 */
class SendTimeFloorIT {

    static ProviderLog provider;
    static SnsClient sns;

    @BeforeAll
    static void emulator() {
        String endpoint = MotoEndpoint.require();
        provider = new ProviderLog();
        sns = MotoSns.client(endpoint, provider);
    }

    @AfterAll
    static void close() {
        if (sns != null) sns.close();
    }

    @Test
    void aTokyoNumberWithNoTimeZoneIsHeldUntil8InTokyo_andSentThen() {
        Instant tokyoNight = Instant.parse("2026-06-01T13:00:00Z"); // 22:00 in Tokyo, 13:00 UTC
        DeliveryFixture f = new DeliveryFixture(tokyoNight, sns);
        String customer = "floor-tokyo-" + Long.toString(System.nanoTime(), 36);
        smsOnly(f, customer, "+81312345678");
        DeliveryRequest request = f.request(customer, "s1", Purpose.MARKETING, List.of(Channel.SMS));

        assertThat(f.deliver(List.of(request))).isEmpty();

        LedgerEntry held = f.entry(request);
        Instant opens = Instant.parse("2026-06-01T23:00:00Z"); // 08:00 in Tokyo
        assertThat(held.status()).isEqualTo(LedgerStatus.HELD);
        assertThat(held.timer()).contains(opens);
        f.clock.set(opens.minusSeconds(1));
        f.tick();
        assertThat(f.entry(request).status()).isEqualTo(LedgerStatus.HELD);
        f.clock.set(opens);
        f.tick();
        assertThat(f.entry(request).status()).isEqualTo(LedgerStatus.SENT);
    }

    @Test
    void choosingNoQuietHoursDoesNotRemoveTheFloor() {
        Instant newYorkNight = Instant.parse("2026-11-24T04:00:00Z"); // 23:00 in New York
        DeliveryFixture f = new DeliveryFixture(newYorkNight, sns);
        String customer = "floor-none-" + Long.toString(System.nanoTime(), 36);
        f.customer(customer, "arn:aws:sns:us-east-1:123456789012:endpoint/none", "America/New_York");
        f.ingest(List.of(f.event(customer, new EventPayload.PreferencesChanged(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(dev.winback.core.event.QuietHours.NONE), Optional.empty()))));
        DeliveryRequest request = f.request(customer, "s1", Purpose.MARKETING, List.of(Channel.SMS));

        assertThat(f.deliver(List.of(request))).isEmpty();

        assertThat(f.entry(request).status()).isEqualTo(LedgerStatus.HELD);
        assertThat(f.entry(request).timer()).contains(Instant.parse("2026-11-24T13:00:00Z"));
        // At 08:00 in New York it goes, and leaves no timer behind for the next test on the shared table.
        f.clock.set(Instant.parse("2026-11-24T13:00:00Z"));
        f.tick();
        assertThat(f.entry(request).status()).isEqualTo(LedgerStatus.SENT);
    }

    /** Reachable by SMS with marketing consent, a phone number and no time zone. */
    private static void smsOnly(DeliveryFixture f, String customer, String phone) {
        f.ingest(List.of(
                f.event(customer, new EventPayload.ProfileUpdated(Optional.empty(), Optional.of(phone), Optional.empty(),
                        Optional.of("ja-JP"), Optional.empty(), Optional.empty())),
                f.event(customer, new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, true, "web", "v1"))));
    }
}
