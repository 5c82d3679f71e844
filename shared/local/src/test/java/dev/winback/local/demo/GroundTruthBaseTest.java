package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GroundTruthBaseTest {

    final SyntheticConfig config = SyntheticConfig.defaults().withCustomers(300);

    @Test
    void theSameConfigYieldsTheSameEvents_inTimeOrder_withDistinctIds() {
        GroundTruthBase base = GroundTruthBase.generate(config);
        assertThat(GroundTruthBase.generate(config).events()).isEqualTo(base.events());
        assertThat(base.events()).isSortedAccordingTo(Comparator.comparing(EngagementEvent::occurredAt));
        assertThat(base.events().stream().map(EngagementEvent::eventId).distinct()).hasSize(base.events().size());
        assertThat(base.customerIds()).hasSize(300);
        assertThat(GroundTruthBase.generate(config.withSeed(43)).events()).isNotEqualTo(base.events());
    }

    @Test
    void everyCustomerFallsSilentBeforeTheHorizon_soOnlyTheLoopBringsThemBack() {
        GroundTruthBase base = GroundTruthBase.generate(config);
        Map<String, Instant> lastEvent = base.events().stream().collect(Collectors.toMap(EngagementEvent::customerId,
                EngagementEvent::occurredAt, (a, b) -> a.isAfter(b) ? a : b));
        assertThat(lastEvent).hasSize(300);
        // Silent for long enough before the horizon that the lapse is decided within it.
        lastEvent.values().forEach(last -> assertThat(last).isBefore(base.horizon().minus(Duration.ofDays(20))));
        assertThat(base.events().stream().map(EngagementEvent::type).distinct())
                .contains("session_started", "purchase_completed", "app_uninstalled");
    }

    @Test
    void lastActivity_isTheLatestSessionOrPurchaseAtOrBeforeTheInstant() {
        GroundTruthBase base = GroundTruthBase.generate(config);
        EngagementEvent session = base.events().stream().filter(e -> e.type().equals("session_started")).findFirst()
                .orElseThrow();
        assertThat(base.lastActivity(session.customerId(), session.occurredAt())).contains(session.occurredAt());
        assertThat(base.lastActivity(session.customerId(), session.occurredAt().minusSeconds(1)))
                .isEmpty();
    }
}
