package dev.winback.core.segment;

import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Evaluation;
import dev.winback.core.record.Reachability;
import dev.winback.core.record.Stamped;
import dev.winback.core.segment.SegmentCondition.ConsentState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Judges conditions over one record at one instant; see {@link SegmentCondition} for each meaning. */
final class SegmentMatcher {

    static final String COUNTRY_ATTRIBUTE = "country";

    private final EngagementRecord record;
    private final Instant now;
    private final PhoneCountry phones;

    SegmentMatcher(EngagementRecord record, Instant now, PhoneCountry phones) {
        this.record = record;
        this.now = now;
        this.phones = phones;
    }

    boolean holds(SegmentCondition condition) {
        return switch (condition) {
            case SegmentCondition.Not not -> !holds(not.condition());
            case SegmentCondition.Lifecycle c -> record.evaluation() instanceof Evaluation.Evaluated e
                    && c.states().contains(e.state()) && heldLongEnough(e.since(), c.forAtLeast());
            case SegmentCondition.HasSignal c -> record.evaluation().signals().stream()
                    .anyMatch(s -> s.type() == c.type() && s.strength().compareTo(c.atLeast()) >= 0);
            case SegmentCondition.Reachable c -> value(record.channel(c.channel()).reachability()) == Reachability.REACHABLE;
            case SegmentCondition.Consent c -> consentState(record.channel(c.channel()), c) == c.state();
            case SegmentCondition.Subscription c -> {
                Stamped<?> status = record.channel(c.channel()).subscription();
                yield status == null ? c.orNever() : c.statuses().contains(status.value());
            }
            case SegmentCondition.Membership c -> {
                var state = record.membership().state();
                yield state != null && (c.tiers().isEmpty() || c.tiers().contains(state.value().tier()))
                        && c.statuses().contains(state.value().status()) && heldLongEnough(state.at(), c.forAtLeast());
            }
            case SegmentCondition.UsedPlatform c -> within(record.platform(c.platform()).lastSeen(), c.within());
            case SegmentCondition.AppInstalled ignored -> Boolean.TRUE.equals(value(record.install().installed()));
            case SegmentCondition.Purchased c -> within(record.purchases().last(), c.within());
            case SegmentCondition.Orders c -> record.purchases().orders() >= c.min();
            case SegmentCondition.Spend c -> record.purchases().spendByCurrency()
                    .getOrDefault(c.currency(), BigDecimal.ZERO).compareTo(c.min()) >= 0;
            case SegmentCondition.Locale c -> localeIn(value(record.profile().locale()), c.locales());
            case SegmentCondition.Country c -> country().map(c.countries()::contains).orElse(false);
            case SegmentCondition.TimeZone c -> c.zones().contains(value(record.profile().timezone()));
            case SegmentCondition.Attribute c -> c.values().contains(value(record.profile().attributes().get(c.name())));
            case SegmentCondition.Exposed c -> record.exposures().open().stream()
                    .anyMatch(e -> e.unit().equals(c.unit()) && c.groups().contains(e.group()));
        };
    }

    /** When a condition's truth could next change without an event: only the ones measured from now. */
    Optional<Instant> nextChange(SegmentCondition condition) {
        Optional<Instant> flip = switch (condition) {
            case SegmentCondition.Not not -> nextChange(not.condition());
            case SegmentCondition.Lifecycle c -> record.evaluation() instanceof Evaluation.Evaluated e
                    ? c.forAtLeast().map(e.since()::plus) : Optional.empty();
            case SegmentCondition.Membership c -> record.membership().state() == null ? Optional.empty()
                    : c.forAtLeast().map(record.membership().state().at()::plus);
            case SegmentCondition.UsedPlatform c -> expiry(record.platform(c.platform()).lastSeen(), c.within());
            case SegmentCondition.Purchased c -> expiry(record.purchases().last(), c.within());
            default -> Optional.empty();
        };
        return flip.filter(at -> at.isAfter(now));
    }

    private boolean heldLongEnough(Instant since, Optional<Duration> forAtLeast) {
        return forAtLeast.map(d -> !since.plus(d).isAfter(now)).orElse(true);
    }

    /** Ever, or within the duration: {@code at} after {@code now - within}, so it holds until at + within. */
    private boolean within(Instant at, Optional<Duration> within) {
        return at != null && within.map(d -> at.plus(d).isAfter(now)).orElse(true);
    }

    private static Optional<Instant> expiry(Instant at, Optional<Duration> within) {
        return at == null ? Optional.empty() : within.map(at::plus);
    }

    private static ConsentState consentState(ChannelState channel, SegmentCondition.Consent condition) {
        Stamped<ConsentGrant> grant = channel.consent().get(condition.purpose());
        if (grant == null) return ConsentState.UNKNOWN;
        return grant.value().granted() ? ConsentState.GRANTED : ConsentState.WITHDRAWN;
    }

    private static boolean localeIn(String locale, Set<String> locales) {
        if (locale == null) return false;
        String normal = locale.replace('_', '-').toLowerCase(java.util.Locale.ROOT);
        for (String wanted : locales) {
            String w = wanted.replace('_', '-').toLowerCase(java.util.Locale.ROOT);
            if (normal.equals(w) || normal.startsWith(w + "-")) return true;
        }
        return false;
    }

    private Optional<String> country() {
        String answered = value(record.profile().attributes().get(COUNTRY_ATTRIBUTE));
        if (answered != null) return Optional.of(answered.toUpperCase(java.util.Locale.ROOT));
        String phone = value(record.profile().phone());
        return phone == null ? Optional.empty() : phones.of(phone);
    }

    private static <T> T value(Stamped<T> stamped) {
        return stamped == null ? null : stamped.value();
    }

}
