package dev.winback.adapters.pii;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check itself, shared by the unit-test and integration-test classes that run it last. */
public final class PiiCanaryCheck {

    private PiiCanaryCheck() {
    }

    public static void assertNoCanaryLogged() {
        String logs = LogCapture.captured();
        List<String> found = PiiCanaries.ALL.stream().filter(logs::contains).toList();
        assertThat(found).as("PII canary values in the captured logs (" + logs.length() + " characters)").isEmpty();
    }
}
