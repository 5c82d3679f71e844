package dev.winback.core.outcome;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldoutAssignmentTest {

    /** Bytes 0..31: the values below were computed for it independently (Python's hmac module). */
    static final HoldoutKey KEY = () -> {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) key[i] = (byte) i;
        return key;
    };
    static final int IDS = 100_000;
    /** The chi-square value (1 degree of freedom) that p = 0.001 leaves above it. */
    static final double CHI_SQUARE_P_001 = 10.828;

    final HoldoutAssignment defaults = new HoldoutAssignment(HoldoutShares.DEFAULTS, KEY);

    @Test
    void theDrawIsHmacSha256OfTheLengthPrefixedScopeAndId_soAChangeOfAlgorithmFails() {
        assertThat(defaults.draw("global", "customer-1")).isEqualTo(0.5343779333069155);
        assertThat(defaults.draw("unit:lapsed-any-channel", "customer-1")).isEqualTo(0.014735725223911977);
        assertThat(defaults.draw("unit:post-purchase", "customer-1")).isEqualTo(0.5035986055178336);

        assertThat(defaults.assign("customer-1", "lapsed-any-channel")).isEqualTo(Assignment.HELD_OUT);
        assertThat(defaults.assign("customer-1", "post-purchase")).isEqualTo(Assignment.TREATED);
    }

    @Test
    void theSameKeyAssignsTheSameGroupsInAnotherInstance_asAfterADeployment() {
        HoldoutAssignment again = new HoldoutAssignment(HoldoutShares.DEFAULTS, KEY);
        for (int i = 0; i < 2_000; i++) {
            String id = "c-" + i;
            assertThat(again.assign(id, "winback")).isEqualTo(defaults.assign(id, "winback"));
            assertThat(defaults.assign(id, "winback")).isEqualTo(defaults.assign(id, "winback"));
        }
    }

    @Test
    void anotherKeyDrawsOtherGroups() {
        HoldoutAssignment other = new HoldoutAssignment(HoldoutShares.DEFAULTS, () -> new byte[32]);
        int differ = 0;
        for (int i = 0; i < 1_000; i++) {
            if (other.draw("global", "c-" + i) != defaults.draw("global", "c-" + i)) differ++;
        }
        assertThat(differ).isEqualTo(1_000);
    }

    @Test
    void theGlobalControlGroupIsTheConfiguredShareWithinSamplingError() {
        int control = 0;
        for (int i = 0; i < IDS; i++) {
            if (defaults.assign("customer-" + i, "winback") == Assignment.CONTROL) control++;
        }
        assertWithinFourStandardErrors(control, HoldoutShares.DEFAULT_GLOBAL);
    }

    @Test
    void aUnitsHoldoutIsItsShareOfThoseOutsideTheControlGroup_withinSamplingError() {
        HoldoutAssignment shares = new HoldoutAssignment(new HoldoutShares(0.05, 0.10, Map.of("big", 0.3)), KEY);
        int control = 0;
        int heldOut = 0;
        int heldOutOfBig = 0;
        for (int i = 0; i < IDS; i++) {
            String id = "customer-" + i;
            Assignment assignment = shares.assign(id, "winback");
            if (assignment == Assignment.CONTROL) control++;
            if (assignment == Assignment.HELD_OUT) heldOut++;
            if (shares.assign(id, "big") == Assignment.HELD_OUT) heldOutOfBig++;
        }
        int outside = IDS - control;
        assertWithinFourStandardErrors(heldOut, outside, 0.10);
        assertWithinFourStandardErrors(heldOutOfBig, outside, 0.3);
    }

    @Test
    void holdoutsOfTwoUnitsAreIndependent_aChiSquareTestOver100000Ids() {
        HoldoutAssignment unitsOnly = new HoldoutAssignment(new HoldoutShares(0, 0.10), KEY);
        long[][] counts = new long[2][2];
        for (int i = 0; i < IDS; i++) {
            String id = "customer-" + i;
            int a = unitsOnly.assign(id, "lapsed-any-channel") == Assignment.HELD_OUT ? 1 : 0;
            int b = unitsOnly.assign(id, "post-purchase") == Assignment.HELD_OUT ? 1 : 0;
            counts[a][b]++;
        }
        double chiSquare = chiSquare(counts);
        assertThat(chiSquare).as("chi-square of %s", java.util.Arrays.deepToString(counts)).isLessThan(CHI_SQUARE_P_001);
        // The test can fail: a unit against itself is as dependent as can be.
        long[][] same = new long[2][2];
        for (int i = 0; i < IDS; i++) {
            int a = unitsOnly.assign("customer-" + i, "lapsed-any-channel") == Assignment.HELD_OUT ? 1 : 0;
            same[a][a]++;
        }
        assertThat(chiSquare(same)).isGreaterThan(CHI_SQUARE_P_001);
    }

    @Test
    void theControlGroupIsHeldOutOfEveryUnit() {
        for (int i = 0; i < 5_000; i++) {
            String id = "customer-" + i;
            if (defaults.assign(id, "a") == Assignment.CONTROL) {
                assertThat(defaults.assign(id, "b")).isEqualTo(Assignment.CONTROL);
            }
        }
    }

    @Test
    void zeroSharesHoldOutNobody_andNeverReadTheKey() {
        HoldoutAssignment none = new HoldoutAssignment(HoldoutShares.NONE, () -> {
            throw new AssertionError("the key was read");
        });
        assertThat(none.assign("customer-1", "lapsed-any-channel")).isEqualTo(Assignment.TREATED);
        assertThat(HoldoutAssignment.NONE.assign("customer-1", "x")).isEqualTo(Assignment.TREATED);
    }

    @Test
    void sharesOutsideZeroToAHalfAreRefused() {
        assertThatThrownBy(() -> new HoldoutShares(0.5, 0.1)).hasMessageContaining("global holdout share");
        assertThatThrownBy(() -> new HoldoutShares(0.05, -0.1)).hasMessageContaining("unit holdout share");
        assertThatThrownBy(() -> new HoldoutShares(0.05, 0.1, Map.of("x", Double.NaN)))
                .hasMessageContaining("holdout share of x");
        assertThat(new HoldoutShares(0, 0.49).unitShare("any")).isEqualTo(0.49);
    }

    @Test
    void aShortKeyIsRefused() {
        HoldoutAssignment weak = new HoldoutAssignment(HoldoutShares.DEFAULTS, () -> new byte[8]);
        assertThatThrownBy(() -> weak.assign("customer-1", "x")).hasMessageContaining("too short");
    }

    private static void assertWithinFourStandardErrors(int count, double share) {
        assertWithinFourStandardErrors(count, IDS, share);
    }

    private static void assertWithinFourStandardErrors(int count, int of, double share) {
        double observed = (double) count / of;
        double standardError = Math.sqrt(share * (1 - share) / of);
        assertThat(Math.abs(observed - share)).as("observed %s of %s against %s", count, of, share)
                .isLessThan(4 * standardError);
    }

    /** Pearson's chi-square of a 2x2 table against independence. */
    static double chiSquare(long[][] counts) {
        double total = counts[0][0] + counts[0][1] + counts[1][0] + counts[1][1];
        double chi = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double expected = (counts[r][0] + counts[r][1]) * (double) (counts[0][c] + counts[1][c]) / total;
                chi += Math.pow(counts[r][c] - expected, 2) / expected;
            }
        }
        return chi;
    }
}
