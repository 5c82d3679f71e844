package dev.winback.core.settings;

import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.FrequencyCap;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.guardrail.GuardrailPolicy;
import dev.winback.core.event.Channel;
import dev.winback.core.event.QuietHours;
import dev.winback.core.lifecycle.LifecyclePolicy;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.sunset.SunsetPolicies;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The thresholds an operator tunes without a deployment, as one versioned document: the send-time
 * settings of {@link DeliveryPolicy} a person decides (caps, default quiet hours and where they
 * apply, the default time zone, expiry, the receipt wait), the channels' sunset limits, and the
 * lifecycle's thresholds, and when a unit's guardrail pauses it. What is not here stays as shipped: the legal send-time floor, where a
 * customer's own quiet hours apply, the channel plans (the playbook's), the send lease (tied to the
 * queue's timeout), and the signal rules that are not plain numbers.
 */
public record Settings(
        List<FrequencyCap> globalCaps,
        List<FrequencyCap> reducedCaps,
        Map<Channel, List<FrequencyCap>> channelCaps,
        QuietHours quietHours,
        Set<Channel> quietChannels,
        ZoneId defaultZone,
        Duration expiry,
        Duration receiptWait,
        SunsetPolicies sunsets,
        LifecyclePolicy lifecycle,
        GuardrailPolicy guardrails) {

    public Settings {
        globalCaps = List.copyOf(globalCaps);
        reducedCaps = List.copyOf(reducedCaps);
        channelCaps = Map.copyOf(channelCaps);
        quietChannels = Set.copyOf(quietChannels);
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(receiptWait, "receiptWait");
        Objects.requireNonNull(sunsets, "sunsets");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(guardrails, "guardrails");
    }

    /** With the guardrails' defaults: documents written before guardrails had settings. */
    public Settings(List<FrequencyCap> globalCaps, List<FrequencyCap> reducedCaps,
                    Map<Channel, List<FrequencyCap>> channelCaps, QuietHours quietHours, Set<Channel> quietChannels,
                    ZoneId defaultZone, Duration expiry, Duration receiptWait, SunsetPolicies sunsets,
                    LifecyclePolicy lifecycle) {
        this(globalCaps, reducedCaps, channelCaps, quietHours, quietChannels, defaultZone, expiry, receiptWait, sunsets,
                lifecycle, GuardrailPolicy.defaults());
    }

    /** The settings as shipped: the defaults of delivery, sunsets and the lifecycle. */
    public static Settings defaults() {
        return of(DeliveryPolicy.defaults(), SunsetPolicies.defaults(), LifecyclePolicy.defaults());
    }

    public static Settings of(DeliveryPolicy delivery, SunsetPolicies sunsets, LifecyclePolicy lifecycle) {
        return new Settings(delivery.globalCaps(), delivery.reducedCaps(), delivery.channelCaps(), delivery.quietHours(),
                delivery.quietChannels(), delivery.defaultZone(), delivery.expiry(), delivery.receiptWait(), sunsets,
                lifecycle);
    }

    /** {@code base} with these settings in place of its own; what they do not hold is kept from it. */
    public DeliveryPolicy delivery(DeliveryPolicy base) {
        return new DeliveryPolicy(globalCaps, reducedCaps, channelCaps, quietHours, quietChannels, base.interrupting(),
                defaultZone, base.plans(), expiry, receiptWait, base.lease(), base.zoneGuess());
    }

    public EvaluationPolicy evaluation(Playbook playbook) {
        return new EvaluationPolicy(lifecycle, sunsets, playbook);
    }
}
