package dev.winback.core.cdp;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Purchases;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AnonymousFoldTest {

    private static final String ANONYMOUS = AnonymousIds.customerIdOf("dev-1");

    @Test
    void theFoldedRegisters_equalTheAnonymousOnes_onACustomerWithoutHistory() {
        EngagementRecord anonymous = record(ANONYMOUS, List.of(
                event("e1", "2026-05-01T10:00:00Z", Platform.APP, new EventPayload.AppInstalled()),
                event("e2", "2026-05-02T10:00:00Z", Platform.APP, new EventPayload.SessionStarted(Platform.APP)),
                event("e3", "2026-05-03T10:00:00Z", Platform.APP, new EventPayload.SessionStarted(Platform.APP)),
                event("e4", "2026-05-04T10:00:00Z", Platform.WEB, new EventPayload.SessionStarted(Platform.WEB)),
                event("e5", "2026-05-05T10:00:00Z", null, profile(Optional.of("ana@example.com"), Optional.of("es-ES"))),
                event("e6", "2026-05-06T10:00:00Z", null, profile(Optional.empty(), Optional.of("ca-ES")))));

        EngagementRecord customer = record("c-ana", AnonymousFold.into("c-ana", anonymous));

        assertThat(customer.profile()).isEqualTo(anonymous.profile());
        assertThat(customer.install()).isEqualTo(anonymous.install());
        for (Platform platform : List.of(Platform.APP, Platform.WEB)) {
            assertThat(customer.platform(platform).firstSeen()).isEqualTo(anonymous.platform(platform).firstSeen());
            assertThat(customer.platform(platform).lastSeen()).isEqualTo(anonymous.platform(platform).lastSeen());
        }
    }

    @Test
    void anEmailOptOutIsCarriedOver_butNeitherAGrantNorPurchases() {
        EngagementRecord optedOut = record(ANONYMOUS, List.of(
                event("e1", "2026-05-01T10:00:00Z", null, new EventPayload.EmailSubscriptionChanged(EmailStatus.UNSUBSCRIBED)),
                event("e2", "2026-05-02T10:00:00Z", Platform.WEB, new EventPayload.PurchaseCompleted("o-1",
                        new BigDecimal("10.00"), "EUR", List.of(new LineItem("s", "c", 1, new BigDecimal("10.00")))))));
        EngagementRecord subscribed = record(ANONYMOUS, List.of(
                event("e1", "2026-05-01T10:00:00Z", null, new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED))));

        EngagementRecord fromOptedOut = record("c-1", AnonymousFold.into("c-1", optedOut));

        assertThat(fromOptedOut.channel(Channel.EMAIL).subscription().value()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
        assertThat(fromOptedOut.purchases()).isEqualTo(Purchases.NONE);
        assertThat(AnonymousFold.into("c-1", subscribed)).isEmpty();
    }

    @Test
    void foldIds_areTheSameForTheSameRecord_andDifferForAnotherAnonymousId() {
        List<EngagementEvent> history = List.of(
                event("e1", "2026-05-02T10:00:00Z", Platform.WEB, new EventPayload.SessionStarted(Platform.WEB)));
        EngagementRecord one = record(ANONYMOUS, history);
        EngagementRecord other = record(AnonymousIds.customerIdOf("dev-2"), history);

        assertThat(ids(AnonymousFold.into("c-1", one))).isEqualTo(ids(AnonymousFold.into("c-1", one)));
        assertThat(ids(AnonymousFold.into("c-1", one))).doesNotContainAnyElementsOf(ids(AnonymousFold.into("c-1", other)));
    }

    private static List<String> ids(List<EngagementEvent> events) {
        return events.stream().map(EngagementEvent::eventId).toList();
    }

    private static EventPayload.ProfileUpdated profile(Optional<String> email, Optional<String> locale) {
        return new EventPayload.ProfileUpdated(email, Optional.empty(), Optional.empty(), locale, Optional.empty(),
                Optional.empty());
    }

    static EngagementRecord record(String customerId, List<EngagementEvent> events) {
        List<EngagementEvent> own = new ArrayList<>();
        for (EngagementEvent e : events) {
            own.add(new EngagementEvent(e.eventId(), customerId, e.occurredAt(), e.platform(), e.payload(), e.receivedAt()));
        }
        return RecordUpdate.apply(EngagementRecord.empty(customerId), own, Map.of()).record();
    }

    static EngagementEvent event(String id, String at, Platform platform, EventPayload payload) {
        return new EngagementEvent(id, ANONYMOUS, Instant.parse(at), Optional.ofNullable(platform), payload,
                Instant.parse(at));
    }
}
