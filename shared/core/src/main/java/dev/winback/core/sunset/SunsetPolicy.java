package dev.winback.core.sunset;

import dev.winback.core.record.ChannelState;

import dev.winback.core.record.SunsetState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When to stop marketing on one channel to a customer who no longer answers: after
 * {@code silence} with no click, conversion or opt-in AND at least {@code minQuietSends} messages
 * sent in that time, send one last-chance message; unless they answer it, stop
 * {@code lastChanceGrace} later. Both conditions are needed: silence alone may only mean we never
 * wrote to them, sends alone may only mean we wrote a lot this week.
 *
 * <p>Opens never count (see {@link ChannelEvidence}): they neither delay the last chance, nor move
 * a deadline, nor lift a sunset. A click, a conversion, a marketing consent granted or a
 * subscription started after the last chance was sent lifts it, in either state.
 *
 * @param lastChanceCampaign the campaign of the last-chance message on this channel; with one, the
 *                           sunset waits for that message to be sent, then {@code lastChanceGrace};
 *                           without, the last chance is a state only and the grace runs from it
 */
public record SunsetPolicy(Duration silence, int minQuietSends, Duration lastChanceGrace,
                           Optional<String> lastChanceCampaign) {

    /**
     * How long a requested last chance may take to show up as sent before it is requested again:
     * longer than a message may wait for its caps or window (it expires after two days).
     */
    public static final Duration LAST_CHANCE_RETRY = Duration.ofDays(7);
    /** Requests of a last chance that never went out before the sunset starts all the same. */
    public static final int LAST_CHANCE_REQUESTS = 3;

    /**
     * Email: 180 days and 8 sends, then 14 days to answer the re-permission email. Continued mail
     * to people who never respond hurts the sender's reputation with mailbox providers for every
     * recipient, so email is the channel that most needs a sunset.
     */
    public static final SunsetPolicy EMAIL = new SunsetPolicy(Duration.ofDays(180), 8, Duration.ofDays(14),
            Optional.of("email-last-chance"));

    /**
     * Push: 90 days and 10 pushes, then 7 days. Pushes are frequent and interrupt, and unwanted
     * ones are what make people disable push or uninstall, so the window is half of email's; ten
     * unanswered pushes (about one every nine days) make the silence a pattern rather than a lull.
     * A push is seen within hours or not at all, so a week is ample to answer the last one.
     */
    public static final SunsetPolicy PUSH = new SunsetPolicy(Duration.ofDays(90), 10, Duration.ofDays(7));

    /**
     * SMS: 120 days and 6 texts, then 7 days. Texts are read almost always, but many carry no
     * link, so a click is rarer than on push and silence needs longer to mean something; texts are
     * sent sparingly (they cost money and intrude most), so six unanswered ones is already a
     * pattern. Texts are read within minutes, so a week is ample to answer the last one.
     */
    public static final SunsetPolicy SMS = new SunsetPolicy(Duration.ofDays(120), 6, Duration.ofDays(7));

    /** A policy whose last chance is only a state: no message is sent for it, the grace runs from the decision. */
    public SunsetPolicy(Duration silence, int minQuietSends, Duration lastChanceGrace) {
        this(silence, minQuietSends, lastChanceGrace, Optional.empty());
    }

    public SunsetPolicy {
        Objects.requireNonNull(lastChanceCampaign, "lastChanceCampaign");
        Objects.requireNonNull(silence, "silence");
        Objects.requireNonNull(lastChanceGrace, "lastChanceGrace");
        if (silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("silence must be positive, was " + silence);
        }
        if (lastChanceGrace.isNegative() || lastChanceGrace.isZero()) {
            throw new IllegalArgumentException("lastChanceGrace must be positive, was " + lastChanceGrace);
        }
        // The record keeps only the newest sends; a larger threshold could never be reached.
        if (minQuietSends < 1 || minQuietSends > ChannelState.SEND_HISTORY) {
            throw new IllegalArgumentException("minQuietSends must be from 1 to " + ChannelState.SEND_HISTORY
                    + ", was " + minQuietSends);
        }
    }

    /** With every send on the channel taken as possibly the last chance (see the other overload). */
    public SunsetDecision evaluate(ChannelState channel, SunsetState current, Instant now) {
        return evaluate(channel, channel.sendsSinceEngagement(), current, now);
    }

    /**
     * @param marketingSends the channel's recent marketing sends (any order): the last chance is one
     *                       of them, and the grace runs from the first at or after its request
     */
    public SunsetDecision evaluate(ChannelState channel, List<Instant> marketingSends, SunsetState current,
                                   Instant now) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(marketingSends, "marketingSends");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(now, "now");
        ChannelEvidence evidence = ChannelEvidence.of(channel);
        return switch (current) {
            case SunsetState.Active active -> whileActive(evidence, now);
            case SunsetState.LastChance lastChance -> evidence.answeredAfter(lastChance.sentAt())
                    ? lifted(evidence, "answered the last chance")
                    : lastChanceCampaign.isPresent() ? whileLastChanceMessage(lastChance, marketingSends, now)
                    : whileLastChance(lastChance, now);
            case SunsetState.Sunset sunset -> evidence.answeredAfter(sunset.lastChanceSentAt())
                    ? lifted(evidence, "clicked, converted or opted in again since the last chance")
                    : SunsetDecision.stay(sunset, Optional.empty(),
                    "sunset since " + sunset.since() + "; only a click, a conversion or an opt-in lifts it");
        };
    }

    private SunsetDecision whileActive(ChannelEvidence evidence, Instant now) {
        if (evidence.marketingClosed()) {
            return SunsetDecision.stay(SunsetState.ACTIVE, Optional.empty(),
                    "marketing is closed here (unsubscribed, consent withdrawn or unreachable): nothing to sunset");
        }
        Optional<Deadline> due = lastChanceDue(evidence);
        if (due.isEmpty()) {
            return SunsetDecision.stay(SunsetState.ACTIVE, Optional.empty(), evidence.quietSends() + " of "
                    + minQuietSends + " sends since the last click, conversion or opt-in; waiting for sends, not time");
        }
        if (now.isBefore(due.get().at())) {
            return SunsetDecision.stay(SunsetState.ACTIVE, due, evidence.quietSends() + " sends since "
                    + evidence.quietSince().orElseThrow() + "; last chance due after " + inWords(silence) + " of silence");
        }
        // With a message, the grace starts when it is sent: look again if it has not been by then.
        Deadline next = lastChanceCampaign.isPresent()
                ? new Deadline(now.plus(LAST_CHANCE_RETRY), SunsetAction.SEND_LAST_CHANCE)
                : new Deadline(now.plus(lastChanceGrace), SunsetAction.ENTER_SUNSET);
        return SunsetDecision.move(new SunsetState.LastChance(now), SunsetAction.SEND_LAST_CHANCE, Optional.of(next),
                "no click, conversion or opt-in since " + evidence.quietSince().orElseThrow() + " and "
                        + evidence.quietSends() + " sends since; sunset after " + inWords(lastChanceGrace) + " unless they answer");
    }

    private SunsetDecision whileLastChance(SunsetState.LastChance lastChance, Instant now) {
        Instant sunsetAt = lastChance.sentAt().plus(lastChanceGrace);
        if (now.isBefore(sunsetAt)) {
            return SunsetDecision.stay(lastChance, Optional.of(new Deadline(sunsetAt, SunsetAction.ENTER_SUNSET)),
                    "last chance sent " + lastChance.sentAt() + "; no answer yet");
        }
        // The sunset begins when the grace ran out, not when a late timer noticed it.
        return SunsetDecision.move(new SunsetState.Sunset(lastChance.sentAt(), sunsetAt), SunsetAction.ENTER_SUNSET,
                Optional.empty(), "no answer within " + inWords(lastChanceGrace) + " of the last chance");
    }

    /**
     * The grace runs from the send of the last chance, not from its request: a message held by caps,
     * muted or lost never started it. With no send within {@link #LAST_CHANCE_RETRY} the request is
     * repeated; after {@link #LAST_CHANCE_REQUESTS} the sunset starts all the same, so a customer we
     * cannot warn is not written to forever.
     */
    private SunsetDecision whileLastChanceMessage(SunsetState.LastChance lastChance, List<Instant> marketingSends,
                                                  Instant now) {
        Optional<Instant> sent = marketingSends.stream().filter(at -> !at.isBefore(lastChance.sentAt()))
                .min(Instant::compareTo);
        if (sent.isPresent()) {
            Instant sunsetAt = sent.get().plus(lastChanceGrace);
            if (now.isBefore(sunsetAt)) {
                return SunsetDecision.stay(lastChance, Optional.of(new Deadline(sunsetAt, SunsetAction.ENTER_SUNSET)),
                        "last chance sent " + sent.get() + "; no answer yet");
            }
            return SunsetDecision.move(new SunsetState.Sunset(lastChance.sentAt(), sunsetAt), SunsetAction.ENTER_SUNSET,
                    Optional.empty(), "no answer within " + inWords(lastChanceGrace) + " of the last chance");
        }
        Instant askAgainAt = lastChance.sentAt().plus(LAST_CHANCE_RETRY);
        if (now.isBefore(askAgainAt)) {
            return SunsetDecision.stay(lastChance, Optional.of(new Deadline(askAgainAt, SunsetAction.SEND_LAST_CHANCE)),
                    "last chance requested " + lastChance.sentAt() + "; not sent yet");
        }
        if (lastChance.requests() < LAST_CHANCE_REQUESTS) {
            return SunsetDecision.move(new SunsetState.LastChance(now, lastChance.requests() + 1),
                    SunsetAction.SEND_LAST_CHANCE, Optional.of(new Deadline(now.plus(LAST_CHANCE_RETRY),
                            SunsetAction.SEND_LAST_CHANCE)),
                    "the last chance was not sent within " + inWords(LAST_CHANCE_RETRY) + "; requested again");
        }
        return SunsetDecision.move(new SunsetState.Sunset(lastChance.sentAt(), now), SunsetAction.ENTER_SUNSET,
                Optional.empty(), "the last chance could not be sent in " + LAST_CHANCE_REQUESTS + " requests");
    }

    private SunsetDecision lifted(ChannelEvidence evidence, String why) {
        return SunsetDecision.move(SunsetState.ACTIVE, SunsetAction.LIFT, lastChanceDue(evidence), why);
    }

    /** When an active channel's last chance falls due; none while too few messages went unanswered. */
    private Optional<Deadline> lastChanceDue(ChannelEvidence evidence) {
        if (evidence.marketingClosed() || evidence.quietSends() < minQuietSends) return Optional.empty();
        return evidence.quietSince().map(since -> new Deadline(since.plus(silence), SunsetAction.SEND_LAST_CHANCE));
    }

    private static String inWords(Duration duration) {
        return duration.equals(Duration.ofDays(duration.toDays())) ? duration.toDays() + " days" : duration.toString();
    }
}
