package dev.winback.core.evaluation;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.observe.RecordedMetrics;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.record.SignalType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationMetricsTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final RecordedMetrics metrics = new RecordedMetrics();

    @Test
    void countingActions_countsWhatTheBusAccepts_byRule_andTheQueueNotAgain() {
        ActionRequest lapsed1 = request("c-1", "lapsed");
        ActionRequest lapsed2 = request("c-2", "lapsed");
        ActionRequest refused = request("c-3", "lapsed");
        ActionRequest winback = request("c-4", "winback");
        Map<Destination, ActionPublisher> counting = EvaluationMetrics.countingActions(Map.of(
                Destination.EVENT_BUS, requests -> Set.of(lapsed1.idempotencyKey(), lapsed2.idempotencyKey(), winback.idempotencyKey()),
                Destination.DELIVERY_QUEUE, requests -> Set.of(lapsed1.idempotencyKey())), metrics);

        Set<String> accepted = counting.get(Destination.EVENT_BUS).publish(List.of(lapsed1, lapsed2, refused, winback));
        counting.get(Destination.DELIVERY_QUEUE).publish(List.of(lapsed1));

        assertThat(accepted).hasSize(3);
        assertThat(metrics.totals()).isEqualTo(Map.of("Actions[lapsed]", 2L, "Actions[winback]", 1L));
    }

    @Test
    void count_reportsTheRecordsEvaluated() {
        EvaluationMetrics.count(new EvaluateDueCustomers.Report(AT, 12, 10, 1, 1, 0, 3, 3, 0, 2), metrics);

        assertThat(metrics.totals()).isEqualTo(Map.of("Evaluations", 10L));
    }

    private static ActionRequest request(String customerId, String campaign) {
        return new ActionRequest(ActionRequest.idempotencyKey(customerId, SignalType.LAPSED, AT,
                RetentionAction.LAPSED_CAMPAIGN, campaign), customerId, SignalType.LAPSED, AT, "lapsed",
                RetentionAction.LAPSED_CAMPAIGN, campaign, List.of(Channel.EMAIL), Purpose.MARKETING, AT,
                new PlaybookVersion(2026, 11, 1));
    }
}
