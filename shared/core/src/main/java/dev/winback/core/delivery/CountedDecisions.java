package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.observe.Metric;
import dev.winback.core.observe.Metrics;

import java.util.List;
import java.util.Locale;

/**
 * Publishes decisions through another publisher and counts them: every decision by channel and
 * kind, and the fallbacks, unknown outcomes and holdouts among them. Counted as they are handed
 * over, whether or not the publication then succeeds: they are stored on the message either way.
 */
public final class CountedDecisions implements DecisionPublisher {

    /** The channel dimension of a decision about the whole message rather than one channel. */
    static final String NO_CHANNEL = "none";

    private final DecisionPublisher publisher;
    private final Metrics metrics;

    public CountedDecisions(DecisionPublisher publisher, Metrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    @Override
    public void publish(LedgerEntry entry, List<MessageDecision> decisions) {
        count(decisions);
        publisher.publish(entry, decisions);
    }

    @Override
    public void publishAll(List<Stored> stored) {
        for (Stored one : stored) count(one.decisions());
        publisher.publishAll(stored);
    }

    private void count(List<MessageDecision> decisions) {
        for (MessageDecision decision : decisions) {
            String channel = decision.channel().map(Channel::wireName).orElse(NO_CHANNEL);
            metrics.add(Metric.MESSAGES, List.of(channel, decision.kind().name().toLowerCase(Locale.ROOT)), 1);
            if (decision.kind() == MessageDecision.Kind.FELL_BACK) metrics.add(Metric.FALLBACKS, 1);
            if (decision.kind() == MessageDecision.Kind.UNKNOWN) metrics.add(Metric.UNKNOWNS, 1);
            if (decision.reason() == MessageDecision.Reason.HELD_OUT) metrics.add(Metric.HOLDOUTS, 1);
        }
    }
}
