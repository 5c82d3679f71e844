package dev.winback.core.links;

import dev.winback.core.event.Channel;
import dev.winback.core.ingest.EventApplier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Looking at an unsubscribe link changes nothing; confirming it withdraws the channel's marketing once. */
class UnsubscribeTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    final LinkTokens tokens = new LinkTokens(KeyMaterial.of("test-secret-for-unsubscribe-use-case-32+".getBytes(StandardCharsets.UTF_8)));
    final RecordedEvents events = new RecordedEvents();
    final Unsubscribe unsubscribe = new Unsubscribe(tokens, events, Clock.fixed(NOW, ZoneOffset.UTC));
    final LinkToken token = LinkToken.unsubscribe("c-1", Channel.EMAIL, "promotions", NOW.minusSeconds(3600));
    final String raw = tokens.issue(token);

    @Test
    void aVisit_asksAndChangesNothing() {
        assertThat(unsubscribe.ask(raw)).isEqualTo(new LinkConfirmation.Outcome.Asked(token));
        assertThat(events.applied).isEmpty();
    }

    @Test
    void aOneClickConfirmation_appliesTheWithdrawal_withTheAddressAsEvidence() {
        assertThat(unsubscribe.confirm(raw, true, Optional.of("192.0.2.1")))
                .isEqualTo(new LinkConfirmation.Outcome.Done(token));
        assertThat(events.applied).isEqualTo(OneClickUnsubscribe.events(token, raw, NOW, Optional.of("192.0.2.1")));
    }

    @Test
    void aConfirmationThatDoesNotSayOneClick_changesNothing() {
        assertThat(unsubscribe.confirm(raw, false, Optional.empty())).isEqualTo(new LinkConfirmation.Outcome.Unclear(token));
        assertThat(events.applied).isEmpty();
    }

    @Test
    void busyStorage_asksToTryAgain() {
        events.answer = EventApplier.Applied.TRY_AGAIN;
        assertThat(unsubscribe.confirm(raw, true, Optional.empty())).isEqualTo(new LinkConfirmation.Outcome.TryAgain(token));
    }

    @Test
    void tamperedMissingAndOtherKindsOfLink_areRefusedAlike_withoutTheTokenInTheReason() {
        String keep = tokens.issue(LinkToken.keepSubscribed("c-1", Channel.EMAIL, NOW));
        String tampered = raw.substring(0, raw.length() - 2) + (raw.endsWith("AA") ? "BB" : "AA");
        for (String bad : new String[] {keep, tampered, null, "", "not-a-token"}) {
            assertThat(unsubscribe.ask(bad)).isInstanceOf(LinkConfirmation.Outcome.Refused.class);
            LinkConfirmation.Outcome posted = unsubscribe.confirm(bad, true, Optional.empty());
            assertThat(posted).isInstanceOf(LinkConfirmation.Outcome.Refused.class);
            if (bad != null && !bad.isEmpty()) {
                assertThat(((LinkConfirmation.Outcome.Refused) posted).reason()).doesNotContain(bad);
            }
        }
        assertThat(events.applied).isEmpty();
    }
}
