package dev.winback.core.links;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-11-01T09:30:00Z");
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-secret".getBytes(StandardCharsets.UTF_8);
    private final LinkTokens tokens = new LinkTokens(KeyMaterial.of(SECRET));

    @Test
    void aValidToken_roundTripsItsGrant() {
        LinkToken grant = LinkToken.unsubscribe("c-000123", Channel.EMAIL, "promotions", ISSUED);
        String token = tokens.issue(grant);

        assertThat(tokens.check(token, ISSUED.plusSeconds(60))).isEqualTo(new LinkTokens.Checked.Valid(grant));
        assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeLessThan(120);
        LinkToken prefs = LinkToken.preferences("c-000123", ISSUED);
        assertThat(tokens.check(tokens.issue(prefs), ISSUED)).isEqualTo(new LinkTokens.Checked.Valid(prefs));
    }

    @Test
    void aValidToken_stillWorks365DaysLater_andExpiresAfterTheConfiguredValidity() {
        String token = tokens.issue(LinkToken.unsubscribe("c-1", Channel.SMS, null, ISSUED));

        assertThat(tokens.check(token, ISSUED.plus(Duration.ofDays(365)))).isInstanceOf(LinkTokens.Checked.Valid.class);
        assertThat(tokens.check(token, ISSUED.plus(LinkTokens.DEFAULT_VALIDITY)))
                .isEqualTo(new LinkTokens.Checked.Invalid(LinkTokens.Rejection.EXPIRED));
        assertThat(tokens.check(token, ISSUED.minus(Duration.ofHours(1))))
                .as("issued in the future").isEqualTo(new LinkTokens.Checked.Invalid(LinkTokens.Rejection.EXPIRED));
        assertThatThrownBy(() -> new LinkTokens(KeyMaterial.of(SECRET), Duration.ofDays(300)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenThousandTamperedOrForgedTokens_areAllRejected() {
        Random random = new Random(20261101);
        String valid = tokens.issue(LinkToken.unsubscribe("c-000123", Channel.EMAIL, null, ISSUED));
        byte[] raw = Base64.getUrlDecoder().decode(valid);
        LinkTokens otherKey = new LinkTokens(KeyMaterial.of("another-deployment-secret-of-32-bytes-or-more"
                .getBytes(StandardCharsets.UTF_8)));
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            String candidate = switch (i % 5) {
                case 0 -> { // one flipped bit anywhere
                    byte[] t = raw.clone();
                    int bit = random.nextInt(t.length * 8);
                    t[bit / 8] ^= (byte) (1 << (bit % 8));
                    yield Base64.getUrlEncoder().withoutPadding().encodeToString(t);
                }
                case 1 -> { // random bytes in a well-formed envelope
                    byte[] t = new byte[raw.length];
                    random.nextBytes(t);
                    t[0] = LinkTokens.VERSION;
                    yield Base64.getUrlEncoder().withoutPadding().encodeToString(t);
                }
                case 2 -> { // a token for someone else, signed with another key
                    yield otherKey.issue(LinkToken.unsubscribe("c-" + random.nextInt(1_000_000), Channel.EMAIL,
                            null, ISSUED));
                }
                case 3 -> { // truncated or extended
                    int cut = 1 + random.nextInt(valid.length() - 1);
                    yield random.nextBoolean() ? valid.substring(0, cut) : valid + valid.substring(0, cut);
                }
                default -> { // the ciphertext of one token under the tag of another
                    String other = tokens.issue(LinkToken.unsubscribe("c-" + random.nextInt(1_000_000), Channel.EMAIL,
                            null, ISSUED));
                    byte[] o = Base64.getUrlDecoder().decode(other);
                    byte[] t = raw.clone();
                    System.arraycopy(o, 1, t, 1, Math.min(LinkTokens.TAG_BYTES, o.length - 1));
                    yield Base64.getUrlEncoder().withoutPadding().encodeToString(t);
                }
            };
            if (candidate.equals(valid)) continue;
            if (tokens.check(candidate, ISSUED.plusSeconds(1)) instanceof LinkTokens.Checked.Valid) accepted++;
        }
        assertThat(accepted).isZero();
        assertThat(tokens.check("", ISSUED)).isInstanceOf(LinkTokens.Checked.Invalid.class);
        assertThat(tokens.check("not base64!", ISSUED)).isInstanceOf(LinkTokens.Checked.Invalid.class);
        assertThat(tokens.check("x".repeat(600), ISSUED)).isInstanceOf(LinkTokens.Checked.Invalid.class);
    }

    @Test
    void tokens_carryNoContactDataAndDoNotRevealTheCustomerId() {
        String customerId = "customer-4711";
        String email = "ana.canary@example.com";
        String phone = "+15550100999";
        SignedLinks links = new SignedLinks(java.net.URI.create("https://api.example.com/"), tokens,
                Clock.fixed(ISSUED, ZoneOffset.UTC));
        for (String url : List.of(links.oneClick(customerId, Channel.EMAIL, "promotions").toString(),
                links.preferences(customerId).toString())) {
            String token = url.substring(url.lastIndexOf('/') + 1);
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
            assertThat(url).startsWith("https://api.example.com/").doesNotContain("//u").doesNotContain("//p");
            for (String secret : List.of(email, phone, customerId, "4711")) {
                assertThat(url).doesNotContain(secret);
                assertThat(decoded).doesNotContain(secret);
            }
        }
    }

    @Test
    void oneClickEvents_areDeterministicPerDay_andWithdrawMarketingWithEvidence() {
        LinkToken grant = LinkToken.unsubscribe("c-9", Channel.EMAIL, null, ISSUED);
        String raw = tokens.issue(grant);
        Instant now = ISSUED.plus(Duration.ofDays(3));

        List<EngagementEvent> first = OneClickUnsubscribe.events(grant, raw, now, Optional.of("192.0.2.7"));
        // A mail client's retry within the minute is the same click...
        List<EngagementEvent> again = OneClickUnsubscribe.events(grant, raw,
                now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(59), Optional.empty());
        // ...a click an hour later (after a re-subscription, say) is a new withdrawal, and so is one the next day.
        List<EngagementEvent> later = OneClickUnsubscribe.events(grant, raw, now.plusSeconds(3600), Optional.empty());
        List<EngagementEvent> nextDay = OneClickUnsubscribe.events(grant, raw, now.plus(Duration.ofDays(1)), Optional.empty());

        assertThat(first).extracting(EngagementEvent::eventId).isEqualTo(again.stream().map(EngagementEvent::eventId).toList());
        assertThat(later.getFirst().eventId()).isNotEqualTo(first.getFirst().eventId());
        assertThat(nextDay.getFirst().eventId()).isNotEqualTo(first.getFirst().eventId());
        EventPayload.ConsentChanged consent = (EventPayload.ConsentChanged) first.getFirst().payload();
        assertThat(consent.granted()).isFalse();
        assertThat(consent.source()).isEqualTo("one-click");
        assertThat(consent.ipAddress()).contains("192.0.2.7");
        assertThat(first.get(1).payload()).isInstanceOf(EventPayload.EmailSubscriptionChanged.class);
    }
}
