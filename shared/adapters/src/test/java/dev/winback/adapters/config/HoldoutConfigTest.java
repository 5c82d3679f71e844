package dev.winback.adapters.config;

import dev.winback.core.outcome.HoldoutShares;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldoutConfigTest {

    @Test
    void withoutSettingsTheDefaultsHold() {
        assertThat(HoldoutConfig.fromEnvironment(Map.of())).isEqualTo(new HoldoutShares(0.05, 0.10));
    }

    @Test
    void sharesAndUnitsOfTheirOwnAreRead_andZeroTurnsThemOff() {
        HoldoutShares shares = HoldoutConfig.fromEnvironment(Map.of(HoldoutConfig.GLOBAL_SHARE, "0.02",
                HoldoutConfig.UNIT_SHARE, " 0.2 ", HoldoutConfig.UNIT_SHARES, "winback-email=0.3, post-purchase=0"));

        assertThat(shares.global()).isEqualTo(0.02);
        assertThat(shares.unitShare("lapsed-any-channel")).isEqualTo(0.2);
        assertThat(shares.unitShare("winback-email")).isEqualTo(0.3);
        assertThat(shares.unitShare("post-purchase")).isZero();
        assertThat(HoldoutConfig.fromEnvironment(HoldoutConfig.OFF).none()).isTrue();
    }

    @Test
    void aShareOutsideZeroToAHalfIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> HoldoutConfig.fromEnvironment(Map.of(HoldoutConfig.GLOBAL_SHARE, "0.5")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(HoldoutConfig.GLOBAL_SHARE);
        assertThatThrownBy(() -> HoldoutConfig.fromEnvironment(Map.of(HoldoutConfig.UNIT_SHARE, "10%")))
                .hasMessageContaining(HoldoutConfig.UNIT_SHARE);
        assertThatThrownBy(() -> HoldoutConfig.fromEnvironment(Map.of(HoldoutConfig.UNIT_SHARE, "-0.1")))
                .hasMessageContaining("was -0.1");
        assertThatThrownBy(() -> HoldoutConfig.fromEnvironment(Map.of(HoldoutConfig.UNIT_SHARES, "x")))
                .hasMessageContaining("unit=share");
        assertThatThrownBy(() -> HoldoutConfig.fromEnvironment(Map.of(HoldoutConfig.UNIT_SHARES, "x=0.7")))
                .hasMessageContaining("(x)");
    }
}
