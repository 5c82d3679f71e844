package dev.winback.core.playbook;

import dev.winback.core.event.Channel;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The closed set of responses the playbook can ask for. */
public enum RetentionAction {
    /** Reach the customer on a channel other than the one they stopped answering. */
    CROSS_CHANNEL_RETARGET(Kind.MESSAGE, EnumSet.allOf(Channel.class)),
    IN_APP_NUDGE(Kind.MESSAGE, EnumSet.of(Channel.IN_APP)),
    /** Send less: lower the frequency on the planned channels. Not a message. */
    THROTTLE(Kind.CHANNEL_SETTING, EnumSet.allOf(Channel.class)),
    NEW_PRODUCTS_PROMOTION(Kind.MESSAGE, EnumSet.allOf(Channel.class)),
    SALE_PROMOTION(Kind.MESSAGE, EnumSet.allOf(Channel.class)),
    LAPSED_CAMPAIGN(Kind.MESSAGE, EnumSet.allOf(Channel.class)),
    /** Ask for a permission back; only on other channels, only where the customer is likely to engage. */
    PERMISSION_RENEWAL(Kind.MESSAGE, EnumSet.allOf(Channel.class)),
    /** For cancelled members: what is new since they left. */
    FEATURE_HIGHLIGHTS(Kind.MESSAGE, EnumSet.allOf(Channel.class)),
    WINBACK_EMAIL(Kind.MESSAGE, EnumSet.of(Channel.EMAIL)),
    CROSS_PROMOTION_EMAIL(Kind.MESSAGE, EnumSet.of(Channel.EMAIL)),
    /** Add the customer to the paid-ads audience (hashed identifiers). Not a message. */
    AD_AUDIENCE(Kind.AUDIENCE, EnumSet.noneOf(Channel.class)),
    /**
     * Do nothing, on purpose. Still requested, so that measurement can compare doing nothing with
     * the alternatives; delivery ignores it.
     */
    NONE(Kind.NOTHING, EnumSet.noneOf(Channel.class));

    /** What an action does with its channel plan. */
    public enum Kind {
        /** Sends a message along the plan, first channel first; the plan keeps only usable channels. */
        MESSAGE,
        /** Changes how we message on the planned channels; kept whole, since sending less never needs permission. */
        CHANNEL_SETTING,
        /** Touches no channel. */
        AUDIENCE,
        NOTHING
    }

    private final Kind kind;
    private final EnumSet<Channel> usableChannels;

    RetentionAction(Kind kind, EnumSet<Channel> usableChannels) {
        this.kind = kind;
        this.usableChannels = usableChannels;
    }

    public Kind kind() {
        return kind;
    }

    /** The channels this action may plan; an action named after a channel uses that channel only. */
    public Set<Channel> usableChannels() {
        return EnumSet.copyOf(usableChannels);
    }

    /**
     * The messages that try to bring a leaving customer back (one per risk episode). Retargeting on
     * another channel, permission renewal, nudges, throttling, audiences and doing nothing answer
     * other situations.
     */
    public boolean winsBack() {
        return switch (this) {
            case LAPSED_CAMPAIGN, WINBACK_EMAIL, SALE_PROMOTION, NEW_PRODUCTS_PROMOTION, FEATURE_HIGHLIGHTS -> true;
            case CROSS_CHANNEL_RETARGET, IN_APP_NUDGE, THROTTLE, PERMISSION_RENEWAL, CROSS_PROMOTION_EMAIL,
                 AD_AUDIENCE, NONE -> false;
        };
    }

    /** Whether the plan needs at least one channel (true) or must have none (false). */
    public boolean needsChannels() {
        return switch (kind) {
            case MESSAGE, CHANNEL_SETTING -> true;
            case AUDIENCE, NOTHING -> false;
        };
    }

    /** Retargeting and permission renewal are by definition on a channel other than the one the signal is about. */
    public boolean avoidsTheSignalsChannel() {
        return this == CROSS_CHANNEL_RETARGET || this == PERMISSION_RENEWAL;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
