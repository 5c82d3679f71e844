package dev.winback.core.evaluation;

import dev.winback.core.event.Channel;
import dev.winback.core.lifecycle.Deadline;
import dev.winback.core.lifecycle.RiskAssessment;
import dev.winback.core.lifecycle.RiskLifecycle;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.playbook.ActionRequest;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EvaluatedSignal;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.RiskEpisode;
import dev.winback.core.record.SendLog;
import dev.winback.core.signal.Signal;
import dev.winback.core.signal.SignalDetector;
import dev.winback.core.record.ChannelSunsets;
import dev.winback.core.sunset.SunsetDecision;
import dev.winback.core.record.SunsetState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluation of one customer at an instant: signals, lifecycle, channel sunsets and the
 * playbook, compared with what the record says was concluded before. Pure: the caller stores the
 * new {@link Evaluation}, requests the new actions and arms the timer for the next deadline.
 *
 * <p>A signal is acted on once per occurrence: when it first appears (a type and subject that did
 * not hold at the previous evaluation). While it keeps holding nothing more is requested for it;
 * when it ends, it is forgotten, so its next occurrence is acted on again. Win-back campaigns are
 * rarer still: one per {@link RiskEpisode}, whichever signal comes first.
 */
public final class Evaluator {

    /** A channel's sunset may move more than once at one instant (a lift whose silence already ran out). */
    private static final int SUNSET_STEPS = 3;

    private Evaluator() {
    }

    /**
     * @param evaluation    what to store in the record
     * @param signals       the signals detected, with today's explanations
     * @param newActions    actions for the signals that appeared since the previous evaluation
     * @param sunsetChanges the channels whose sunset moved
     * @param next          the next deadline with its reason: the earliest of the lifecycle's and the sunsets'
     * @param signalsChanged whether a signal appeared or ended since the previous evaluation
     * @param episodeChanged whether an episode of risk opened, closed or was answered
     */
    public record Outcome(Evaluation.Evaluated evaluation, List<Signal> signals, RiskAssessment assessment,
                          List<ActionRequest> newActions, List<SunsetChange> sunsetChanges, Optional<Deadline> next,
                          boolean signalsChanged, boolean episodeChanged) {

        public Outcome {
            signals = List.copyOf(signals);
            newActions = List.copyOf(newActions);
            sunsetChanges = List.copyOf(sunsetChanges);
        }

        /** Whether there is something to request or to record beyond re-arming the timer. */
        public boolean hasWork() {
            return signalsChanged || episodeChanged || !sunsetChanges.isEmpty();
        }
    }

    public static Outcome evaluate(EngagementRecord record, Instant now, EvaluationPolicy policy, PurchaseModel model) {
        Objects.requireNonNull(now, "now");
        Evaluation previous = record.evaluation();
        List<Signal> signals = SignalDetector.detect(record, now, policy.lifecycle().signals(), model);
        RiskAssessment assessment = RiskLifecycle.assess(record, signals, now, policy.lifecycle(), model);

        Map<Channel, SunsetState> states = new EnumMap<>(Channel.class);
        List<SunsetChange> changes = new ArrayList<>();
        Optional<Deadline> next = assessment.nextDeadline();
        for (Channel channel : Channel.values()) {
            SunsetState current = previous.sunsets().state(channel);
            if (policy.sunsets().forChannel(channel).isEmpty() && current instanceof SunsetState.Active) continue;
            List<Instant> marketingSends = record.sendLog().recent().stream().filter(sent -> sent.channel() == channel)
                    .map(SendLog.Sent::at).toList();
            SunsetDecision decision = policy.sunsets().evaluate(channel, record.channel(channel), marketingSends,
                    current, now);
            for (int step = 1; ; step++) {
                SunsetDecision made = decision;
                made.action().ifPresent(action -> changes.add(new SunsetChange(channel, action, made.next(), made.explanation())));
                boolean dueAgain = decision.action().isPresent()
                        && decision.deadline().filter(d -> !d.at().isAfter(now)).isPresent();
                if (!dueAgain || step == SUNSET_STEPS) break;
                decision = policy.sunsets().evaluate(channel, record.channel(channel), marketingSends, decision.next(), now);
            }
            if (!(decision.next() instanceof SunsetState.Active)) states.put(channel, decision.next());
            Optional<Deadline> sunsetDeadline = decision.deadline().map(d -> new Deadline(d.at(),
                    channel.wireName() + " sunset: " + d.due().name().toLowerCase(Locale.ROOT) + " due"));
            next = earlier(next, sunsetDeadline);
        }
        ChannelSunsets sunsets = new ChannelSunsets(states);

        List<EvaluatedSignal> evaluated = new ArrayList<>();
        List<ActionRequest> newActions = new ArrayList<>(
                LastChanceRequests.of(record.customerId(), changes, policy, now));
        Optional<RiskEpisode> episode = RiskEpisode.at(previous.episode(), assessment.state(), assessment.since(),
                record, now);
        for (Signal signal : signals) {
            Optional<EvaluatedSignal> before = previous.signals().stream().filter(s -> s.sameOccurrenceAs(signal.type(), signal.subject())).findFirst();
            if (before.isPresent()) {
                evaluated.add(before.get().seenAgain(signal.strength()));
                continue;
            }
            List<ActionRequest> requests = new ArrayList<>();
            // One win-back campaign per episode: a signal first seen in an answered episode is recorded, not answered.
            boolean answered = episode.map(RiskEpisode::answered).orElse(false);
            for (ActionRequest request : policy.playbook().actionsFor(record.customerId(), signal, record, sunsets, now)) {
                if (!request.action().winsBack()) {
                    requests.add(request);
                } else if (!answered) {
                    requests.add(request);
                    episode = Optional.of(episode.orElseGet(() -> new RiskEpisode(now, List.of()))
                            .requested(request.campaignId()));
                }
            }
            newActions.addAll(requests);
            evaluated.add(new EvaluatedSignal(signal.type(), signal.subject(), signal.strength(), signal.since(),
                    requests.stream().map(ActionRequest::idempotencyKey).toList()));
        }
        boolean signalsChanged = !occurrences(evaluated).equals(occurrences(previous.signals()));
        boolean episodeChanged = !episode.equals(previous.episode());
        Evaluation.Evaluated evaluation = new Evaluation.Evaluated(assessment.state(), assessment.since(),
                Math.round(assessment.score() * 1000) / 1000.0, evaluated, sunsets, now, next.map(Deadline::at), episode);
        return new Outcome(evaluation, signals, assessment, newActions, changes, next, signalsChanged, episodeChanged);
    }

    /**
     * When the evaluator should next look at this record: now (rounded up to the second) when it has
     * work, otherwise the next deadline, rounded up; empty when nothing changes without an event.
     */
    public static Optional<Instant> dueAt(EngagementRecord record, Instant now, EvaluationPolicy policy, PurchaseModel model) {
        Outcome outcome = evaluate(record, now, policy, model);
        if (outcome.hasWork()) return Optional.of(DueTimes.roundUp(now));
        return outcome.evaluation().next().map(DueTimes::roundUp);
    }

    private static List<String> occurrences(List<EvaluatedSignal> signals) {
        return signals.stream().map(s -> s.type().wireName() + "/" + s.subject()).sorted().toList();
    }

    private static Optional<Deadline> earlier(Optional<Deadline> a, Optional<Deadline> b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return b.get().at().isBefore(a.get().at()) ? b : a;
    }
}
