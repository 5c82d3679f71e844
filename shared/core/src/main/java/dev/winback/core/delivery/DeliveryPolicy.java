package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.QuietHours;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The send-time settings, as one value. Caps apply to marketing only; quiet hours to marketing on
 * interrupting channels only. The legal floor on marketing SMS and push (no sends outside
 * 08:00-21:00 local time, {@link QuietWindow#FLOOR}) is not a setting: nothing here removes it.
 *
 * @param globalCaps        marketing messages on all channels together
 * @param reducedCaps       instead of {@code globalCaps} for customers who ignore every channel
 * @param channelCaps       marketing messages per channel; a channel not listed has none
 * @param quietHours        the default quiet hours, in the customer's time zone
 * @param quietChannels     where the default quiet hours apply
 * @param interrupting      where a customer's own quiet hours apply
 * @param defaultZone       for customers whose time zone is unknown
 * @param plans             the channel plan when a request names none
 * @param expiry            how long after the request a message may still go out
 * @param receiptWait       how long to wait for a receipt before falling back
 * @param lease             how long a claimed send may take before it counts as lost (below the
 *                          queue's visibility timeout, so a redelivered request finds it expired)
 * @param zoneGuess         the zones a phone number may be in, for customers with no time zone on
 *                          file (the legal send-time floor must hold in each of them)
 */
public record DeliveryPolicy(
        List<FrequencyCap> globalCaps,
        List<FrequencyCap> reducedCaps,
        Map<Channel, List<FrequencyCap>> channelCaps,
        QuietHours quietHours,
        Set<Channel> quietChannels,
        Set<Channel> interrupting,
        ZoneId defaultZone,
        ChannelPlans plans,
        Duration expiry,
        Duration receiptWait,
        Duration lease,
        TimeZoneGuess zoneGuess) {

    public DeliveryPolicy {
        globalCaps = List.copyOf(globalCaps);
        reducedCaps = List.copyOf(reducedCaps);
        channelCaps = Map.copyOf(channelCaps);
        quietChannels = Set.copyOf(quietChannels);
        interrupting = Set.copyOf(interrupting);
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(receiptWait, "receiptWait");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(zoneGuess, "zoneGuess");
    }

    /** With no phone-number zone data: customers without a time zone get the conservative window. */
    public DeliveryPolicy(List<FrequencyCap> globalCaps, List<FrequencyCap> reducedCaps,
                          Map<Channel, List<FrequencyCap>> channelCaps, QuietHours quietHours,
                          Set<Channel> quietChannels, Set<Channel> interrupting, ZoneId defaultZone, ChannelPlans plans,
                          Duration expiry, Duration receiptWait, Duration lease) {
        this(globalCaps, reducedCaps, channelCaps, quietHours, quietChannels, interrupting, defaultZone, plans,
                expiry, receiptWait, lease, TimeZoneGuess.NONE);
    }

    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(
                List.of(new FrequencyCap(1, Duration.ofDays(1)), new FrequencyCap(3, Duration.ofDays(7))),
                List.of(new FrequencyCap(1, Duration.ofDays(14))),
                Map.of(Channel.SMS, List.of(new FrequencyCap(1, Duration.ofDays(7))),
                        Channel.PUSH, List.of(new FrequencyCap(1, Duration.ofDays(1)), new FrequencyCap(3, Duration.ofDays(7))),
                        Channel.EMAIL, List.of(new FrequencyCap(2, Duration.ofDays(7))),
                        Channel.WEBHOOK, List.of(new FrequencyCap(1, Duration.ofDays(7)))),
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)),
                EnumSet.of(Channel.SMS, Channel.PUSH),
                EnumSet.of(Channel.SMS, Channel.PUSH, Channel.WEBHOOK),
                ZoneOffset.UTC,
                ChannelPlans.DEFAULT,
                Duration.ofDays(2),
                Duration.ofHours(4),
                Duration.ofSeconds(60));
    }

    public List<FrequencyCap> channelCaps(Channel channel) {
        return channelCaps.getOrDefault(channel, List.of());
    }

    public DeliveryPolicy withPlans(ChannelPlans next) {
        return new DeliveryPolicy(globalCaps, reducedCaps, channelCaps, quietHours, quietChannels, interrupting,
                defaultZone, next, expiry, receiptWait, lease, zoneGuess);
    }

    public DeliveryPolicy withoutCaps() {
        return new DeliveryPolicy(List.of(), List.of(), Map.of(), quietHours, quietChannels, interrupting,
                defaultZone, plans, expiry, receiptWait, lease, zoneGuess);
    }

    public DeliveryPolicy withZoneGuess(TimeZoneGuess next) {
        return new DeliveryPolicy(globalCaps, reducedCaps, channelCaps, quietHours, quietChannels, interrupting,
                defaultZone, plans, expiry, receiptWait, lease, next);
    }
}
