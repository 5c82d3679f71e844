package dev.winback.core.evaluation;

import static dev.winback.core.evaluation.TestPolicy.MODEL;
import static dev.winback.core.evaluation.TestPolicy.POLICY;
import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Ingestion refuses events dated in the future, but a record stored before that rule (or by another
 * writer) may hold one: the evaluator must still answer for that customer, not fail every run.
 */
class FarFutureRecordTest {

    @Test
    void aRecordWithActivityDatedInTheYear2999_isEvaluatedWithoutFailing() {
        EngagementRecord record = customer("far-future")
                .visits(Platform.APP, day(0), Duration.ofDays(6), 5)
                .visit(Platform.WEB, Instant.parse("2999-01-01T00:00:00Z"))
                .purchase(Instant.parse("2999-06-01T00:00:00Z"))
                .record();

        assertThatCode(() -> Evaluator.evaluate(record, day(40), POLICY, MODEL)).doesNotThrowAnyException();
        assertThatCode(() -> Evaluator.dueAt(record, day(40), POLICY, MODEL)).doesNotThrowAnyException();
    }

    @Test
    void aRecordWhoseOnlyActivityIsFarInTheFuture_isEvaluatedWithoutFailing() {
        EngagementRecord record = customer("only-future")
                .visits(Platform.APP, Instant.parse("2999-01-01T00:00:00Z"), Duration.ofDays(3), 4)
                .purchase(Instant.parse("+1000000-01-01T00:00:00Z"))
                .record();

        assertThatCode(() -> Evaluator.evaluate(record, day(40), POLICY, MODEL)).doesNotThrowAnyException();
        assertThatCode(() -> Evaluator.dueAt(record, day(40), POLICY, MODEL)).doesNotThrowAnyException();
    }
}
