package dev.winback.core.audience;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.ChannelState;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.SubscriptionStatus;

import java.util.Optional;
import java.util.function.Function;

/**
 * Who may join an ad audience, and with which addresses. Advertising is off unless granted: an
 * address goes out only when the customer granted advertising on that address's channel (email for
 * the email, SMS for the phone). Conservative on purpose, because a hashed address is still
 * personal data: an advertising withdrawal on any channel keeps the whole customer out, and an
 * address whose channel is closed to marketing (consent withdrawn, which an SMS STOP is too;
 * unsubscribed; complained) stays out even with an advertising grant, so an opt-out anywhere is honoured. Pure.
 */
public final class AdvertisingConsent {

    private AdvertisingConsent() {
    }

    /** The audience row of one stored member, or why there is none. */
    public static Decision decide(StoredRecord stored) {
        if (stored.erased()) return new Decision.Skipped(SkipReason.ERASED);
        if (stored.version() <= 0) return new Decision.Skipped(SkipReason.UNKNOWN);
        EngagementRecord record = stored.record();
        for (ChannelState state : record.channels().values()) {
            Stamped<ConsentGrant> advertising = state.consent().get(Purpose.ADVERTISING);
            if (advertising != null && !advertising.value().granted()) return new Decision.Skipped(SkipReason.WITHDRAWN);
        }
        Address email = address(record, Channel.EMAIL, stamped(record.profile().email()), MetaNormalisation::email);
        Address phone = address(record, Channel.SMS, stamped(record.profile().phone()), MetaNormalisation::phone);
        if (email.hash().isEmpty() && phone.hash().isEmpty()) {
            SkipReason reason = email.reason().compareTo(phone.reason()) <= 0 ? email.reason() : phone.reason();
            return new Decision.Skipped(reason);
        }
        return new Decision.Included(new AudienceRow(email.hash(), phone.hash()));
    }

    /** A member in the audience, or out of it with the reason. */
    public sealed interface Decision {
        record Included(AudienceRow row) implements Decision {
        }

        record Skipped(SkipReason reason) implements Decision {
        }
    }

    /** An address's hash when usable; otherwise why not (the reason is ignored when there is a hash). */
    private record Address(Optional<String> hash, SkipReason reason) {
        static Address out(SkipReason reason) {
            return new Address(Optional.empty(), reason);
        }
    }

    private static Address address(EngagementRecord record, Channel channel, String raw,
                                   Function<String, Optional<String>> normalise) {
        Optional<String> normalised = normalise.apply(raw);
        if (normalised.isEmpty()) return Address.out(SkipReason.NO_ADDRESS);
        ChannelState state = record.channel(channel);
        Stamped<ConsentGrant> advertising = state.consent().get(Purpose.ADVERTISING);
        if (advertising == null) return Address.out(SkipReason.NO_CONSENT);
        if (closedToMarketing(state)) return Address.out(SkipReason.WITHDRAWN);
        return new Address(normalised.map(MetaNormalisation::sha256), SkipReason.NO_ADDRESS);
    }

    private static boolean closedToMarketing(ChannelState state) {
        Stamped<ConsentGrant> marketing = state.consent().get(Purpose.MARKETING);
        if (marketing != null && !marketing.value().granted()) return true;
        SubscriptionStatus subscription = state.subscription() == null ? null : state.subscription().value();
        return subscription == SubscriptionStatus.UNSUBSCRIBED || subscription == SubscriptionStatus.COMPLAINED;
    }

    private static String stamped(Stamped<String> value) {
        return value == null ? null : value.value();
    }
}
