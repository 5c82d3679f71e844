package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.MessageFeedbackKind;
import dev.winback.core.event.Platform;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The consistency rules must catch broken timelines, or the consistency test proves nothing. */
class TimelineRulesTest {

    private static final Instant START = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant END = START.plusSeconds(86_400 * 10);

    private final List<EngagementEvent> events = new ArrayList<>();

    @Test
    void check_whenTimelineIsSound_findsNothing() {
        add(0, Optional.empty(), profile());
        add(10, Optional.of(Platform.APP), new EventPayload.AppInstalled());
        add(20, Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP));
        add(30, Optional.of(Platform.APP), new EventPayload.AppUninstalled());

        assertThat(TimelineRules.check("c-000001", events, START, END)).isEmpty();
    }

    @Test
    void check_whenAppSessionFollowsUninstall_reportsIt() {
        add(0, Optional.empty(), profile());
        add(10, Optional.of(Platform.APP), new EventPayload.AppUninstalled());
        add(20, Optional.of(Platform.APP), new EventPayload.SessionStarted(Platform.APP));

        assertThat(TimelineRules.check("c-000001", events, START, END))
                .singleElement().asString().contains("app session after an uninstall");
    }

    @Test
    void check_whenFeedbackHasNoSend_reportsIt() {
        add(0, Optional.empty(), profile());
        add(10, Optional.empty(), new EventPayload.MessageFeedback(MessageFeedbackKind.DELIVERED, "m-1", Channel.EMAIL));

        assertThat(TimelineRules.check("c-000001", events, START, END))
                .singleElement().asString().contains("never sent");
    }

    @Test
    void check_whenEmailIsSentWithoutSubscription_reportsIt() {
        add(0, Optional.empty(), profile());
        add(10, Optional.empty(), new EventPayload.MessageSent("m-1", Channel.EMAIL));

        assertThat(TimelineRules.check("c-000001", events, START, END))
                .singleElement().asString().contains("email while");
    }

    @Test
    void check_whenOrderStatusPrecedesItsPurchase_reportsIt() {
        add(0, Optional.empty(), profile());
        add(10, Optional.empty(), new EventPayload.OrderStatusChanged("o-000001-0001", "shipped"));

        assertThat(TimelineRules.check("c-000001", events, START, END))
                .singleElement().asString().contains("unknown order");
    }

    @Test
    void check_whenEventLeavesTheWindow_reportsIt() {
        add(0, Optional.empty(), profile());
        add(86_400 * 10, Optional.of(Platform.WEB), new EventPayload.SessionStarted(Platform.WEB));

        assertThat(TimelineRules.check("c-000001", events, START, END))
                .singleElement().asString().contains("outside the window");
    }

    private static EventPayload.ProfileUpdated profile() {
        return new EventPayload.ProfileUpdated(Optional.of("c-000001@example.com"), Optional.of("+15550000001"),
                Optional.of("Europe/Paris"), Optional.of("fr-FR"), Optional.empty(), Optional.empty());
    }

    private void add(long second, Optional<Platform> platform, EventPayload payload) {
        String id = "e-000001-" + Ids.pad(events.size() + 1, 4);
        events.add(new EngagementEvent(id, "c-000001", START.plusSeconds(second), platform, payload));
    }
}
