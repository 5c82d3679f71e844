package dev.winback.core.record;

import static dev.winback.core.evaluation.TestPolicy.MODEL;
import static dev.winback.core.evaluation.TestPolicy.POLICY;
import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.evaluation.Evaluator;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Platform;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.signal.CustomerEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One win-back campaign per episode of risk, whichever rule sees the customer leave first. */
class RiskEpisodeTest {

    /** Daily app user with email, who uninstalls on day 30 and is not seen again. */
    static CustomerEvents uninstaller(String id) {
        return customer(id).add(day(0), new EventPayload.ProfileUpdated(Optional.of("u@example.com"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())).email(EmailStatus.SUBSCRIBED, day(0))
                .installed(day(0)).visits(Platform.APP, day(0), Duration.ofDays(1), 30).uninstalled(day(30));
    }

    /** Evaluates every day from {@code from} to {@code to}, storing each result; returns every request. */
    static List<ActionRequest> daily(CustomerEvents history, EngagementRecord start, double from, double to,
                                     List<EngagementRecord> last) {
        EngagementRecord record = start;
        List<ActionRequest> requested = new ArrayList<>();
        for (double d = from; d <= to; d += 1) {
            Evaluator.Outcome outcome = Evaluator.evaluate(record, day(d), POLICY, MODEL);
            requested.addAll(outcome.newActions());
            record = record.withEvaluation(outcome.evaluation());
        }
        last.add(record);
        return requested;
    }

    @Test
    void anUninstallerGetsOneWinBackEmailNotASecondWhenTheyLapse() {
        CustomerEvents history = uninstaller("uninstaller");
        List<EngagementRecord> last = new ArrayList<>();

        List<ActionRequest> requested = daily(history, history.record(), 30.1, 90, last);

        Evaluation.Evaluated evaluation = (Evaluation.Evaluated) last.getFirst().evaluation();
        assertThat(evaluation.signals()).extracting(EvaluatedSignal::type).contains(SignalType.LAPSED);
        assertThat(requested).filteredOn(r -> r.action().winsBack())
                .extracting(ActionRequest::campaignId).containsExactly("come-back");
        assertThat(requested).extracting(ActionRequest::action).contains(RetentionAction.AD_AUDIENCE);
        assertThat(evaluation.episode()).hasValueSatisfying(e -> assertThat(e.campaigns()).containsExactly("come-back"));
    }

    @Test
    void aCustomerWhoComesBackStartsANewEpisode() {
        CustomerEvents history = uninstaller("returns");
        List<EngagementRecord> last = new ArrayList<>();
        daily(history, history.record(), 30.1, 60, last);

        history.visits(Platform.WEB, day(70), Duration.ofDays(2), 10); // back on the web, days 70 to 88
        EngagementRecord back = history.record().withEvaluation(last.getFirst().evaluation());
        List<ActionRequest> requested = daily(history, back, 88.1, 200, last);

        assertThat(requested).filteredOn(r -> r.action().winsBack())
                .extracting(ActionRequest::campaignId).containsExactly("lapsed");
    }

    @Test
    void bothActionsOfOneRuleStillGoOut() {
        CustomerEvents history = uninstaller("one-rule");

        Evaluator.Outcome outcome = Evaluator.evaluate(history.record(), day(30.1), POLICY, MODEL);

        assertThat(outcome.newActions()).extracting(ActionRequest::action)
                .containsExactly(RetentionAction.WINBACK_EMAIL, RetentionAction.AD_AUDIENCE);
        assertThat(outcome.hasWork()).isTrue();
    }

    @Test
    void anEpisodeClosesOnlyOnAReturn() {
        CustomerEvents history = uninstaller("quiet");
        Instant after = day(30.1);
        EngagementRecord record = history.record();
        Evaluator.Outcome first = Evaluator.evaluate(record, after, POLICY, MODEL);
        assertThat(first.evaluation().episode()).isPresent();
        assertThat(first.episodeChanged()).isTrue();

        Evaluator.Outcome again = Evaluator.evaluate(record.withEvaluation(first.evaluation()), day(31), POLICY, MODEL);
        assertThat(again.evaluation().episode()).isEqualTo(first.evaluation().episode());
        assertThat(again.episodeChanged()).isFalse();
    }
}
