package dev.winback.functions.evaluate;

import dev.winback.core.evaluation.RunBudget;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunBudgetOfInvocationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    @Test
    void aFiveMinuteInvocationStopsStartingChunksOneMinuteBeforeItsEnd() {
        assertTrue(budgetAt(NOW.plusSeconds(239), 300_000).allowsAnotherChunk());
        assertFalse(budgetAt(NOW.plusSeconds(240), 300_000).allowsAnotherChunk());
    }

    @Test
    void aShortInvocationKeepsItsLastFifth_soItStillEvaluates() {
        assertTrue(budgetAt(NOW, 30_000).allowsAnotherChunk());
        assertTrue(budgetAt(NOW.plusSeconds(23), 30_000).allowsAnotherChunk());
        assertFalse(budgetAt(NOW.plusSeconds(24), 30_000).allowsAnotherChunk());
    }

    private static RunBudget budgetAt(Instant askedAt, long remainingMillisAtStart) {
        return EvaluateCustomersComposition.budget(Clock.fixed(askedAt, ZoneOffset.UTC), NOW, remainingMillisAtStart);
    }
}
