package dev.winback.core.evaluation;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.model.BgNbdModel;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.playbook.PlannedAction;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.playbook.PlaybookRule;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.playbook.RuleConditions;
import dev.winback.core.record.SignalType;

import java.util.ArrayList;
import java.util.List;

/** A playbook with one rule per signal, and the default rules and model, for evaluation tests. */
public final class TestPolicy {

    public static final PurchaseModel MODEL = new BgNbdModel(BgNbdParameters.defaults());
    public static final EvaluationPolicy POLICY = EvaluationPolicy.defaults(playbook());

    private TestPolicy() {
    }

    static Playbook playbook() {
        List<PlaybookRule> rules = new ArrayList<>();
        rules.add(rule(SignalType.MESSAGES_IGNORED, RetentionAction.CROSS_CHANNEL_RETARGET, "retarget",
                Channel.IN_APP, Channel.EMAIL, Channel.PUSH, Channel.SMS));
        rules.add(rule(SignalType.IGNORES_EVERY_CHANNEL, RetentionAction.THROTTLE, "throttle",
                Channel.EMAIL, Channel.PUSH, Channel.SMS));
        rules.add(rule(SignalType.PURCHASE_LAPSE, RetentionAction.NEW_PRODUCTS_PROMOTION, "new-products",
                Channel.EMAIL, Channel.PUSH));
        rules.add(new PlaybookRule(SignalType.PLATFORM_MIGRATION, RuleConditions.ALWAYS,
                List.of(new PlannedAction(RetentionAction.NONE, "migration", List.of(), Purpose.MARKETING)), ""));
        rules.add(rule(SignalType.LAPSED, RetentionAction.LAPSED_CAMPAIGN, "lapsed",
                Channel.EMAIL, Channel.PUSH, Channel.SMS, Channel.IN_APP));
        rules.add(rule(SignalType.PUSH_OPT_OUT, RetentionAction.IN_APP_NUDGE, "push-benefits", Channel.IN_APP));
        rules.add(new PlaybookRule(SignalType.EMAIL_WITHDRAWN, RuleConditions.ALWAYS,
                List.of(new PlannedAction(RetentionAction.NONE, "email-respected", List.of(), Purpose.MARKETING)), ""));
        rules.add(rule(SignalType.MEMBERSHIP_CANCELLED, RetentionAction.FEATURE_HIGHLIGHTS, "member-features",
                Channel.EMAIL, Channel.IN_APP));
        rules.add(new PlaybookRule(SignalType.APP_UNINSTALLED, RuleConditions.ALWAYS, List.of(
                new PlannedAction(RetentionAction.WINBACK_EMAIL, "come-back", List.of(Channel.EMAIL), Purpose.MARKETING),
                new PlannedAction(RetentionAction.AD_AUDIENCE, "uninstallers", List.of(), Purpose.MARKETING)), ""));
        return new Playbook(new PlaybookVersion(2026, 11, 1), rules);
    }

    private static PlaybookRule rule(SignalType signal, RetentionAction action, String campaign, Channel... channels) {
        return new PlaybookRule(signal, RuleConditions.ALWAYS,
                List.of(new PlannedAction(action, campaign, List.of(channels), Purpose.MARKETING)), "");
    }
}
