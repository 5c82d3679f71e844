package dev.winback.local.demo;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.MessageRequests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The naive baseline the playbook is compared with: once a week, everyone at risk (no session or
 * purchase for {@link #AT_RISK} or more) gets the generic win-back message, through the real delivery
 * queue's consumer (consent, caps, holdouts and the ledger apply as to any message), measured as
 * {@link TrueEffects#WEEKLY_UNIT}. It runs instead of the playbook's messages, after each batch of
 * the run, until the scenario's horizon.
 */
final class WeeklyAtRisk {

    static final Duration WEEK = Duration.ofDays(7);
    /** The lifecycle's at-risk threshold in the shipped settings. */
    static final Duration AT_RISK = Duration.ofDays(10);
    static final String CAMPAIGN = "lapsed-any-channel";

    private final GroundTruthBase base;
    private final ClosedLoop loop;
    private final MessageRequests delivery;
    private Instant nextRound;

    WeeklyAtRisk(GroundTruthBase base, ClosedLoop loop, MessageRequests delivery) {
        this.base = base;
        this.loop = loop;
        this.delivery = delivery;
        this.nextRound = base.config().start().plus(WEEK);
    }

    /** Sends the rounds that fell due by {@code now}. */
    void runDue(Instant now) {
        while (!nextRound.isAfter(now) && !nextRound.isAfter(loop.horizon())) {
            round(nextRound);
            nextRound = nextRound.plus(WEEK);
        }
    }

    private void round(Instant at) {
        List<DeliveryRequest> requests = new ArrayList<>();
        for (String customerId : base.customerIds()) {
            Optional<Instant> own = base.lastActivity(customerId, at);
            Optional<Instant> back = loop.lastReturn(customerId, at);
            Optional<Instant> last = back.isPresent() && (own.isEmpty() || back.get().isAfter(own.get())) ? back : own;
            if (last.isPresent() && !last.get().plus(AT_RISK).isAfter(at)) {
                requests.add(new DeliveryRequest(customerId, CAMPAIGN, TrueEffects.WEEKLY_UNIT, "week-" + at,
                        Purpose.MARKETING, MessageCategory.REMINDERS, List.of(Channel.EMAIL), at,
                        at.plus(Duration.ofDays(2)), Duration.ofHours(4), Map.of(), TrueEffects.WEEKLY_UNIT));
            }
        }
        delivery.publish(requests);
    }
}
