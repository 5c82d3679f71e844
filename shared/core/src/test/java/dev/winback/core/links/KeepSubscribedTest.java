package dev.winback.core.links;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.sunset.SunsetAction;
import dev.winback.core.sunset.SunsetDecision;
import dev.winback.core.sunset.SunsetPolicy;
import dev.winback.core.record.SunsetState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The last chance's keep-me-subscribed link: its token, its message variable, and what pressing it does. */
class KeepSubscribedTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant ASKED = T0.plus(Duration.ofDays(200));
    final LinkTokens tokens = new LinkTokens(KeyMaterial.of("test-secret-for-keep-subscribed-links-32+".getBytes(StandardCharsets.UTF_8)));
    final SignedLinks links = new SignedLinks(URI.create("https://links.example.com/"), tokens,
            Clock.fixed(ASKED, ZoneOffset.UTC));

    @Test
    void theLinkIsASignedKeepSubscribedTokenForTheChannel() {
        URI link = links.keepSubscribed("c-1", Channel.EMAIL);

        assertThat(link.toString()).startsWith("https://links.example.com/k/");
        LinkTokens.Checked checked = tokens.check(link.getPath().substring(3), ASKED.plusSeconds(60));
        assertThat(checked).isEqualTo(new LinkTokens.Checked.Valid(LinkToken.keepSubscribed("c-1", Channel.EMAIL,
                ASKED)));
        assertThatThrownBy(() -> new LinkToken(LinkToken.Kind.KEEP_SUBSCRIBED, "c-1", Optional.empty(),
                Optional.empty(), ASKED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pressingTheButtonAfterTheLastChance_liftsItAndRestartsTheClock() {
        EngagementRecord record = silentSubscriber();
        SunsetState.LastChance lastChance = new SunsetState.LastChance(ASKED);
        Instant pressed = ASKED.plus(Duration.ofDays(3));
        String raw = links.keepSubscribed("c-1", Channel.EMAIL).getPath().substring(3);
        LinkToken token = ((LinkTokens.Checked.Valid) tokens.check(raw, pressed)).token();

        List<EngagementEvent> events = KeepSubscribed.events(token, raw, pressed, Optional.of("192.0.2.1"));
        EngagementRecord kept = RecordUpdate.apply(record, events, Map.of()).record();

        assertThat(kept.channel(Channel.EMAIL).consent().get(Purpose.MARKETING).value().source())
                .isEqualTo(KeepSubscribed.SOURCE);
        SunsetDecision decision = SunsetPolicy.EMAIL.evaluate(kept.channel(Channel.EMAIL), List.of(ASKED), lastChance,
                pressed.plusSeconds(1));
        assertThat(decision.action()).contains(SunsetAction.LIFT);
        assertThat(decision.next()).isEqualTo(SunsetState.ACTIVE);
        // The same press again that day is a duplicate.
        assertThat(KeepSubscribed.events(token, raw, pressed.plusSeconds(30), Optional.empty()))
                .extracting(EngagementEvent::eventId).isEqualTo(events.stream().map(EngagementEvent::eventId).toList());
    }

    @Test
    void onlyLastChanceMessagesGetTheButton_madeAtSendTime() {
        List<DeliveryRequest> composed = new ArrayList<>();
        MessageComposer templates = (request, channel, address, messageId, record) -> {
            composed.add(request);
            return new OutboundMessage(messageId, request.customerId(), channel, request.purpose(), address,
                    new RenderedContent("s", "h", "t", Map.of()), Optional.empty());
        };
        KeepSubscribedComposer composer = new KeepSubscribedComposer(templates, Optional.of(links),
                Set.of("email-last-chance"));

        composer.compose(request("email-last-chance"), Channel.EMAIL, "a@example.com", "wb-1", silentSubscriber());
        composer.compose(request("lapsed-any-channel"), Channel.EMAIL, "a@example.com", "wb-2", silentSubscriber());

        assertThat(composed.get(0).variables()).containsEntry("signal", "messages_ignored")
                .hasEntrySatisfying(KeepSubscribedComposer.VARIABLE, url -> assertThat(url).startsWith("https://links.example.com/k/"));
        assertThat(composed.get(1).variables()).doesNotContainKey(KeepSubscribedComposer.VARIABLE);
        assertThat(composed.get(0).key()).isEqualTo(request("email-last-chance").key());
    }

    private static DeliveryRequest request(String campaign) {
        return new DeliveryRequest("c-1", campaign, campaign, "slot", Purpose.MARKETING, MessageCategory.REMINDERS,
                List.of(Channel.EMAIL), ASKED, ASKED.plus(Duration.ofDays(2)), Duration.ZERO,
                Map.of("signal", "messages_ignored"));
    }

    /** Signed up at T0, never clicked, eight emails since. */
    private static EngagementRecord silentSubscriber() {
        List<EngagementEvent> events = new ArrayList<>();
        events.add(new EngagementEvent("e-consent", "c-1", T0, Optional.empty(),
                new EventPayload.ConsentChanged(Channel.EMAIL, Purpose.MARKETING, true, "signup", "v1")));
        events.add(new EngagementEvent("e-sub", "c-1", T0, Optional.empty(),
                new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED)));
        for (int i = 0; i < 10; i++) {
            events.add(new EngagementEvent("e-sent-" + i, "c-1", T0.plus(Duration.ofDays(7L * i + 1)), Optional.empty(),
                    new EventPayload.MessageSent("m-" + i, Channel.EMAIL)));
        }
        return RecordUpdate.apply(EngagementRecord.empty("c-1"), events, Map.of()).record();
    }
}
