package dev.winback.adapters.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The moto emulator's endpoint for the adapters' ITs. Without one (a plain {@code mvn verify}) they are
 * skipped; {@code scripts/test}, which starts the emulator, sets {@code WINBACK_REQUIRE_EMULATORS=1},
 * and there a missing endpoint fails the test instead of skipping it silently.
 */
public final class MotoEndpoint {

    private MotoEndpoint() {
    }

    /** The endpoint; skips the calling test when none is set and none is required, fails when one is. */
    public static String require() {
        String endpoint = System.getenv("WINBACK_MOTO_ENDPOINT");
        boolean missing = endpoint == null || endpoint.isBlank();
        if (missing && "1".equals(System.getenv("WINBACK_REQUIRE_EMULATORS"))) {
            throw new IllegalStateException("WINBACK_REQUIRE_EMULATORS=1 but WINBACK_MOTO_ENDPOINT is not set");
        }
        assumeTrue(!missing, "WINBACK_MOTO_ENDPOINT is not set");
        return endpoint;
    }
}
