package dev.winback.core.segment;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.event.Purpose;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.record.RiskState;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import dev.winback.core.record.SubscriptionStatus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One test of a segment over the engagement record. Each holds or not for a record at an instant
 * ({@link SegmentMatcher}); the ones that read a duration from now can change without an event, and
 * say when ({@link SegmentMatcher#nextChange}).
 */
public sealed interface SegmentCondition {

    /** The opposite of a condition: "no purchase within 90 days" is not(purchased within 90 days). */
    record Not(SegmentCondition condition) implements SegmentCondition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** The evaluator's lifecycle state is one of {@code states}, and has been for at least {@code forAtLeast}. */
    record Lifecycle(Set<RiskState> states, Optional<Duration> forAtLeast) implements SegmentCondition {
        public Lifecycle {
            states = Set.copyOf(states);
            Objects.requireNonNull(forAtLeast, "forAtLeast");
        }
    }

    /** The evaluator saw a signal of this type, at least this strong. */
    record HasSignal(SignalType type, Strength atLeast) implements SegmentCondition {
        public HasSignal {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(atLeast, "atLeast");
        }
    }

    /** The channel's address is known to work (a delivery or a fresh address said so, no bounce since). */
    record Reachable(Channel channel) implements SegmentCondition {
        public Reachable {
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** The customer's consent on a channel for a purpose is in this state. */
    record Consent(Channel channel, Purpose purpose, ConsentState state) implements SegmentCondition {
        public Consent {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(state, "state");
        }
    }

    enum ConsentState { GRANTED, WITHDRAWN, UNKNOWN }

    /**
     * The channel's subscription status is one of {@code statuses}, or (with {@code orNever}) none
     * was ever recorded: "never joined the email list".
     */
    record Subscription(Channel channel, Set<SubscriptionStatus> statuses, boolean orNever) implements SegmentCondition {
        public Subscription {
            Objects.requireNonNull(channel, "channel");
            statuses = Set.copyOf(statuses);
        }
    }

    /**
     * The membership's latest state: its tier in {@code tiers} (any when empty), its status in
     * {@code statuses}, stated at least {@code forAtLeast} ago.
     */
    record Membership(Set<String> tiers, Set<MembershipStatus> statuses, Optional<Duration> forAtLeast)
            implements SegmentCondition {
        public Membership {
            tiers = Set.copyOf(tiers);
            statuses = Set.copyOf(statuses);
            Objects.requireNonNull(forAtLeast, "forAtLeast");
        }
    }

    /** The customer used the platform, last within {@code within} of now when given. */
    record UsedPlatform(Platform platform, Optional<Duration> within) implements SegmentCondition {
        public UsedPlatform {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(within, "within");
        }
    }

    /** The app is installed (per the last install or uninstall event). */
    record AppInstalled() implements SegmentCondition {
    }

    /** The customer bought, last within {@code within} of now when given (recency). */
    record Purchased(Optional<Duration> within) implements SegmentCondition {
        public Purchased {
            Objects.requireNonNull(within, "within");
        }
    }

    /** At least {@code min} orders in all (frequency). */
    record Orders(long min) implements SegmentCondition {
        public Orders {
            if (min < 1) throw new IllegalArgumentException("min orders must be at least 1");
        }
    }

    /** At least {@code min} spent in {@code currency} in all (monetary value). */
    record Spend(String currency, BigDecimal min) implements SegmentCondition {
        public Spend {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(min, "min");
        }
    }

    /** The profile's locale is one of these, or a regional form of one ("de" takes "de-AT"). */
    record Locale(Set<String> locales) implements SegmentCondition {
        public Locale {
            locales = Set.copyOf(locales);
        }
    }

    /**
     * The customer's country (ISO 3166 alpha-2) is one of these: the profile attribute
     * {@code country} when answered, else the one the phone number belongs to.
     */
    record Country(Set<String> countries) implements SegmentCondition {
        public Country {
            countries = Set.copyOf(countries);
        }
    }

    /** The profile's time zone is one of these. */
    record TimeZone(Set<String> zones) implements SegmentCondition {
        public TimeZone {
            zones = Set.copyOf(zones);
        }
    }

    /** A profile attribute (an interest answer) has one of these values. */
    record Attribute(String name, Set<String> values) implements SegmentCondition {
        public Attribute {
            Objects.requireNonNull(name, "name");
            values = Set.copyOf(values);
        }
    }

    /**
     * The record holds an open exposure to a unit (a rule's campaign or a journey) in one of these
     * groups: the customer is in that journey or campaign, or held out of it.
     */
    record Exposed(String unit, Set<Assignment> groups) implements SegmentCondition {
        public Exposed {
            Objects.requireNonNull(unit, "unit");
            groups = Set.copyOf(groups);
        }
    }
}
