package dev.winback.core.record;


import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One spell of a customer being at risk of leaving, and the win-back campaigns requested in it. A
 * customer gets one win-back campaign per episode: an uninstall, a lapse and a purchase lapse are
 * the same situation seen by different rules, so once one of them has been answered the others are
 * not answered again until the customer has come back.
 *
 * <p>It opens when an evaluation finds the customer no longer new or active, or when a win-back
 * campaign is requested. It closes when an evaluation finds them new or active again <em>and</em>
 * active on some platform after it opened: a strong signal's window closing is not a return.
 *
 * @param since     when it opened
 * @param campaigns the win-back campaigns requested in it, oldest first (at most {@link #MAX_CAMPAIGNS})
 */
public record RiskEpisode(Instant since, List<String> campaigns) {

    public static final int MAX_CAMPAIGNS = 4;

    public RiskEpisode {
        Objects.requireNonNull(since, "since");
        campaigns = List.copyOf(campaigns.size() > MAX_CAMPAIGNS ? campaigns.subList(0, MAX_CAMPAIGNS) : campaigns);
    }

    /** The episode at this evaluation, before any request: carried on, opened, or closed (empty). */
    public static Optional<RiskEpisode> at(Optional<RiskEpisode> previous, RiskState state, Instant stateSince,
                                    EngagementRecord record, Instant now) {
        boolean atRisk = state != RiskState.NEW && state != RiskState.ACTIVE;
        if (previous.isPresent()) {
            Instant lastActive = record.lastActive();
            boolean back = !atRisk && lastActive != null && lastActive.isAfter(previous.get().since());
            return back ? Optional.empty() : previous;
        }
        return atRisk ? Optional.of(new RiskEpisode(stateSince.isAfter(now) ? now : stateSince, List.of()))
                : Optional.empty();
    }

    /** Whether a win-back campaign was requested in this episode already. */
    public boolean answered() {
        return !campaigns.isEmpty();
    }

    public RiskEpisode requested(String campaign) {
        List<String> more = new ArrayList<>(campaigns);
        if (!more.contains(campaign)) more.add(campaign);
        return new RiskEpisode(since, more);
    }
}
