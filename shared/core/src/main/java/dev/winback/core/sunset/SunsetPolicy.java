package dev.winback.core.sunset;

import dev.winback.core.record.ChannelState;

import java.time.Duration;
import java.time.Instant;
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
 */
public record SunsetPolicy(Duration silence, int minQuietSends, Duration lastChanceGrace) {

    /**
     * Email: 180 days and 8 sends, then 14 days to answer the re-permission email. Continued mail
     * to people who never respond hurts the sender's reputation with mailbox providers for every
     * recipient, so email is the channel that most needs a sunset.
     */
    public static final SunsetPolicy EMAIL = new SunsetPolicy(Duration.ofDays(180), 8, Duration.ofDays(14));

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

    public SunsetPolicy {
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

    public SunsetDecision evaluate(ChannelState channel, SunsetState current, Instant now) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(now, "now");
        ChannelEvidence evidence = ChannelEvidence.of(channel);
        return switch (current) {
            case SunsetState.Active active -> whileActive(evidence, now);
            case SunsetState.LastChance lastChance -> evidence.answeredAfter(lastChance.sentAt())
                    ? lifted(evidence, "answered the last chance")
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
        Instant sunsetAt = now.plus(lastChanceGrace);
        return SunsetDecision.move(new SunsetState.LastChance(now), SunsetAction.SEND_LAST_CHANCE,
                Optional.of(new Deadline(sunsetAt, SunsetAction.ENTER_SUNSET)),
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
