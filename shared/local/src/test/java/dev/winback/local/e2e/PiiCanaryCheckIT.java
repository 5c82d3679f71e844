package dev.winback.local.e2e;

import dev.winback.adapters.pii.LogCapture;
import dev.winback.adapters.pii.PiiCanaryCheck;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After every other integration test (ingestion, the API, unsubscribe, feedback with the canary
 * fixtures, privacy, the evaluator): none of them logged a canary value.
 */
@Order(Integer.MAX_VALUE)
class PiiCanaryCheckIT {

    @Test
    void noIntegrationTestLoggedACanaryValue() {
        assertThat(LogCapture.captured()).as("the capture saw the suite's logs").contains("feedback processed");
        PiiCanaryCheck.assertNoCanaryLogged();
    }
}
