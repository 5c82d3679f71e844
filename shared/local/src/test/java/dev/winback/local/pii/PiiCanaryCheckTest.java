package dev.winback.local.pii;

import dev.winback.adapters.pii.PiiCanaryCheck;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** After every other unit test of the local runtime (the demo, the HTTP server, the schedules). */
@Order(Integer.MAX_VALUE)
class PiiCanaryCheckTest {

    @Test
    void noUnitTestOfTheLocalRuntimeLoggedACanaryValue() {
        PiiCanaryCheck.assertNoCanaryLogged();
    }
}
