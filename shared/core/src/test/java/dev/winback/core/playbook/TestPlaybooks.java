package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.winback.core.event.Channel.EMAIL;
import static dev.winback.core.event.Channel.IN_APP;
import static dev.winback.core.event.Channel.PUSH;
import static dev.winback.core.event.Channel.SMS;

/** A small valid rule set that covers every signal, for tests to use or to break. */
final class TestPlaybooks {

    static final PlaybookVersion VERSION = new PlaybookVersion(2026, 11, 1);

    private TestPlaybooks() {
    }

    static List<PlaybookRule> rules() {
        List<PlaybookRule> rules = new ArrayList<>();
        rules.add(rule(SignalType.MESSAGES_IGNORED, RuleConditions.ALWAYS,
                marketing(RetentionAction.CROSS_CHANNEL_RETARGET, "retarget", IN_APP, EMAIL, PUSH, SMS)));
        rules.add(rule(SignalType.IGNORES_EVERY_CHANNEL, RuleConditions.ALWAYS,
                marketing(RetentionAction.THROTTLE, "throttle", EMAIL, PUSH, SMS)));
        rules.add(rule(SignalType.PURCHASE_LAPSE, atLeast(Strength.STRONG),
                marketing(RetentionAction.SALE_PROMOTION, "sale", EMAIL, PUSH)));
        rules.add(rule(SignalType.PURCHASE_LAPSE, RuleConditions.ALWAYS,
                marketing(RetentionAction.NEW_PRODUCTS_PROMOTION, "new-products", EMAIL, PUSH)));
        rules.add(rule(SignalType.PLATFORM_MIGRATION, RuleConditions.ALWAYS, nothing("migration-left-alone")));
        rules.add(rule(SignalType.LAPSED, RuleConditions.ALWAYS,
                marketing(RetentionAction.LAPSED_CAMPAIGN, "lapsed", EMAIL, PUSH, SMS, IN_APP)));
        rules.add(rule(SignalType.PUSH_OPT_OUT, RuleConditions.ALWAYS,
                marketing(RetentionAction.IN_APP_NUDGE, "push-benefits", IN_APP)));
        rules.add(rule(SignalType.EMAIL_WITHDRAWN, engagedWithin(30),
                marketing(RetentionAction.PERMISSION_RENEWAL, "email-renewal", IN_APP, PUSH, SMS)));
        rules.add(rule(SignalType.EMAIL_WITHDRAWN, RuleConditions.ALWAYS, nothing("email-withdrawn-respected")));
        rules.add(rule(SignalType.MEMBERSHIP_CANCELLED, RuleConditions.ALWAYS,
                marketing(RetentionAction.FEATURE_HIGHLIGHTS, "member-features", EMAIL, IN_APP)));
        rules.add(rule(SignalType.APP_UNINSTALLED, RuleConditions.ALWAYS,
                marketing(RetentionAction.WINBACK_EMAIL, "come-back", EMAIL),
                new PlannedAction(RetentionAction.AD_AUDIENCE, "uninstallers", List.of(), Purpose.MARKETING)));
        return rules;
    }

    static Playbook playbook() {
        return new Playbook(VERSION, rules());
    }

    static PlaybookRule rule(SignalType signal, RuleConditions when, PlannedAction... actions) {
        return new PlaybookRule(signal, when, Arrays.asList(actions), "");
    }

    static PlannedAction marketing(RetentionAction action, String campaign, Channel... channels) {
        return new PlannedAction(action, campaign, Arrays.asList(channels), Purpose.MARKETING);
    }

    static PlannedAction nothing(String campaign) {
        return new PlannedAction(RetentionAction.NONE, campaign, List.of(), Purpose.MARKETING);
    }

    static RuleConditions atLeast(Strength strength) {
        return new RuleConditions(Optional.of(strength), Optional.empty());
    }

    static RuleConditions engagedWithin(int days) {
        return new RuleConditions(Optional.empty(), Optional.of(days));
    }
}
