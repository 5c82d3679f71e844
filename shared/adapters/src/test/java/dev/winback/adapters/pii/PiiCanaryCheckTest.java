package dev.winback.adapters.pii;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs after every other test class of this JVM (ClassOrderer.OrderAnnotation, highest order). */
@Order(Integer.MAX_VALUE)
class PiiCanaryCheckTest {

    @Test
    void noTestOfThisModuleLoggedACanaryValue() {
        PiiCanaryCheck.assertNoCanaryLogged();
    }
}
