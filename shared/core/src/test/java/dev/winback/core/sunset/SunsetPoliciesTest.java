package dev.winback.core.sunset;

import dev.winback.core.event.Channel;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.SunsetState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SunsetPoliciesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void defaults_coverEmailPushAndSmsOnly() {
        SunsetPolicies defaults = SunsetPolicies.defaults();

        assertThat(defaults.byChannel()).containsOnlyKeys(Channel.EMAIL, Channel.PUSH, Channel.SMS);
        assertThat(defaults.forChannel(Channel.EMAIL)).contains(
                new SunsetPolicy(Duration.ofDays(180), 8, Duration.ofDays(14), java.util.Optional.of("email-last-chance")));
        assertThat(defaults.forChannel(Channel.PUSH).orElseThrow().silence()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void evaluate_onAChannelWithAPolicy_delegatesToIt() {
        ChannelState push = CustomerHistory.of("c-1")
                .sentEvery(Channel.PUSH, NOW.minus(Duration.ofDays(120)), Duration.ofDays(3), 12).channel(Channel.PUSH);

        SunsetDecision decision = SunsetPolicies.defaults().evaluate(Channel.PUSH, push, SunsetState.ACTIVE, NOW);

        assertThat(decision).isEqualTo(SunsetPolicy.PUSH.evaluate(push, SunsetState.ACTIVE, NOW));
        assertThat(decision.action()).contains(SunsetAction.SEND_LAST_CHANCE);
    }

    @Test
    void evaluate_whenAChannelLostItsPolicy_liftsItsSunset() {
        SunsetPolicies emailOnly = new SunsetPolicies(Map.of(Channel.EMAIL, SunsetPolicy.EMAIL));
        SunsetState sunset = new SunsetState.Sunset(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(16)));

        SunsetDecision decision = emailOnly.evaluate(Channel.SMS, ChannelState.NONE, sunset, NOW);

        assertThat(decision.next()).isEqualTo(SunsetState.ACTIVE);
        assertThat(decision.action()).contains(SunsetAction.LIFT);
        assertThat(decision.deadline()).isEmpty();
    }

    @Test
    void evaluate_onInAppMessages_isAlwaysActive() {
        SunsetDecision decision = SunsetPolicies.defaults().evaluate(Channel.IN_APP, ChannelState.NONE,
                SunsetState.ACTIVE, NOW);

        assertThat(decision.next()).isEqualTo(SunsetState.ACTIVE);
        assertThat(decision.action()).isEmpty();
    }
}
