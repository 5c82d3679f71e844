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

/** Looking at a keep-subscribed link changes nothing; confirming it grants the channel's marketing. */
class StaySubscribedTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    final LinkTokens tokens = new LinkTokens(KeyMaterial.of("test-secret-for-stay-subscribed-case-32+".getBytes(StandardCharsets.UTF_8)));
    final RecordedEvents events = new RecordedEvents();
    final StaySubscribed stay = new StaySubscribed(tokens, events, Clock.fixed(NOW, ZoneOffset.UTC));
    final LinkToken token = LinkToken.keepSubscribed("c-1", Channel.EMAIL, NOW.minusSeconds(3600));
    final String raw = tokens.issue(token);

    @Test
    void aVisit_asksAndChangesNothing() {
        assertThat(stay.ask(raw)).isEqualTo(new LinkConfirmation.Outcome.Asked(token));
        assertThat(events.applied).isEmpty();
    }

    @Test
    void aConfirmation_appliesTheGrant() {
        assertThat(stay.confirm(raw, true, Optional.of("192.0.2.1"))).isEqualTo(new LinkConfirmation.Outcome.Done(token));
        assertThat(events.applied).isEqualTo(KeepSubscribed.events(token, raw, NOW, Optional.of("192.0.2.1")));
    }

    @Test
    void aConfirmationThatDoesNotSayKeep_changesNothing() {
        assertThat(stay.confirm(raw, false, Optional.empty())).isEqualTo(new LinkConfirmation.Outcome.Unclear(token));
        assertThat(events.applied).isEmpty();
    }

    @Test
    void busyStorage_asksToTryAgain() {
        events.answer = EventApplier.Applied.TRY_AGAIN;
        assertThat(stay.confirm(raw, true, Optional.empty())).isEqualTo(new LinkConfirmation.Outcome.TryAgain(token));
    }

    @Test
    void anUnsubscribeLink_isRefused() {
        String unsubscribe = tokens.issue(LinkToken.unsubscribe("c-1", Channel.EMAIL, null, NOW));
        assertThat(stay.ask(unsubscribe)).isInstanceOf(LinkConfirmation.Outcome.Refused.class);
        assertThat(stay.confirm(unsubscribe, true, Optional.empty())).isInstanceOf(LinkConfirmation.Outcome.Refused.class);
        assertThat(events.applied).isEmpty();
    }
}
