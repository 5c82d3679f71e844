package dev.winback.core.playbook;

import dev.winback.core.event.Purpose;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.winback.core.event.Channel.EMAIL;
import static dev.winback.core.event.Channel.IN_APP;
import static dev.winback.core.event.Channel.PUSH;
import static dev.winback.core.event.Channel.SMS;
import static dev.winback.core.playbook.TestPlaybooks.atLeast;
import static dev.winback.core.playbook.TestPlaybooks.engagedWithin;
import static dev.winback.core.playbook.TestPlaybooks.marketing;
import static dev.winback.core.playbook.TestPlaybooks.nothing;
import static dev.winback.core.playbook.TestPlaybooks.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One broken rule set per product rule; each names the exact place and reason, and nothing else. */
class PlaybookCheckTest {

    private static final String NO_ACTIONS = "must list at least one action (use none to do nothing on purpose)";

    record Case(String name, Consumer<List<PlaybookRule>> edit, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("the test rule set is valid", rules -> { }, List.of()),
                new Case("every signal has a rule", rules -> rules.remove(5),
                        List.of("rules: no rule for signal lapsed; every signal needs one (use the action none to do"
                                + " nothing on purpose)")),
                new Case("a rule repeating another's signal and conditions is a duplicate",
                        rules -> rules.add(rules.get(3)),
                        List.of("rules[11]: duplicates rules[3] (same signal and conditions), so it never applies")),
                new Case("minimum strength weak is the same as no condition",
                        rules -> rules.add(rule(SignalType.LAPSED, atLeast(Strength.WEAK), nothing("lapsed-quiet"))),
                        List.of("rules[11]: duplicates rules[5] (same signal and conditions), so it never applies")),
                new Case("a rule after a catch-all for its signal never applies", rules -> Collections.swap(rules, 2, 3),
                        List.of("rules[3]: never applies: rules[2] comes first and matches every purchase_lapse"
                                + " signal this rule would")),
                new Case("a narrower engagement window after a wider one never applies",
                        rules -> rules.add(rule(SignalType.EMAIL_WITHDRAWN, engagedWithin(10),
                                marketing(RetentionAction.PERMISSION_RENEWAL, "renewal-10", PUSH))),
                        List.of("rules[11]: never applies: rules[7] comes first and matches every email_withdrawn"
                                + " signal this rule would")),
                new Case("a rule has actions", rules -> rules.set(1, rule(SignalType.IGNORES_EVERY_CHANNEL,
                        RuleConditions.ALWAYS)), List.of("rules[1].actions: " + NO_ACTIONS)),
                new Case("none stands alone", rules -> rules.set(4, rule(SignalType.PLATFORM_MIGRATION,
                        RuleConditions.ALWAYS, nothing("quiet"), marketing(RetentionAction.LAPSED_CAMPAIGN, "x", EMAIL))),
                        List.of("rules[4].actions: none must be the only action of its rule")),
                new Case("a campaign id is not empty", rules -> rules.set(0, rule(SignalType.MESSAGES_IGNORED,
                        RuleConditions.ALWAYS, marketing(RetentionAction.CROSS_CHANNEL_RETARGET, "", EMAIL))),
                        List.of("rules[0].actions[0].campaign: " + PlaybookCheck.CAMPAIGN_RULE)),
                new Case("a campaign id has no spaces or capitals", rules -> rules.set(0, rule(SignalType.MESSAGES_IGNORED,
                        RuleConditions.ALWAYS, marketing(RetentionAction.CROSS_CHANNEL_RETARGET, "Retarget 2026", EMAIL))),
                        List.of("rules[0].actions[0].campaign: " + PlaybookCheck.CAMPAIGN_RULE)),
                new Case("one rule never asks twice for the same campaign", rules -> rules.set(10,
                        rule(SignalType.APP_UNINSTALLED, RuleConditions.ALWAYS,
                                marketing(RetentionAction.WINBACK_EMAIL, "come-back", EMAIL),
                                marketing(RetentionAction.WINBACK_EMAIL, "come-back", EMAIL))),
                        List.of("rules[10].actions[1]: repeats actions[0] (same action and campaign): one signal would"
                                + " request it twice")),
                new Case("a message needs a channel", rules -> rules.set(5, rule(SignalType.LAPSED,
                        RuleConditions.ALWAYS, marketing(RetentionAction.LAPSED_CAMPAIGN, "lapsed"))),
                        List.of("rules[5].actions[0].channels: lapsed_campaign needs at least one channel")),
                new Case("an ad audience takes no channel", rules -> rules.set(10, rule(SignalType.APP_UNINSTALLED,
                        RuleConditions.ALWAYS, marketing(RetentionAction.AD_AUDIENCE, "uninstallers", EMAIL))),
                        List.of("rules[10].actions[0].channels: ad_audience takes no channels")),
                new Case("an in-app nudge is in the app", rules -> rules.set(6, rule(SignalType.PUSH_OPT_OUT,
                        RuleConditions.ALWAYS, marketing(RetentionAction.IN_APP_NUDGE, "nudge", IN_APP, EMAIL, SMS))),
                        List.of("rules[6].actions[0].channels: in_app_nudge can only use in_app, not email, sms")),
                new Case("a plan names each channel once", rules -> rules.set(0, rule(SignalType.MESSAGES_IGNORED,
                        RuleConditions.ALWAYS, marketing(RetentionAction.CROSS_CHANNEL_RETARGET, "r", IN_APP, EMAIL, IN_APP))),
                        List.of("rules[0].actions[0].channels: lists in_app more than once")),
                new Case("email withdrawn never plans email marketing", rules -> rules.set(7,
                        rule(SignalType.EMAIL_WITHDRAWN, engagedWithin(30),
                                marketing(RetentionAction.PERMISSION_RENEWAL, "renewal", IN_APP, EMAIL))),
                        List.of("rules[7].actions[0].channels: email_withdrawn means the customer closed email: never"
                                + " plan it for marketing")),
                new Case("an uninstall closes push and in-app marketing", rules -> rules.set(10,
                        rule(SignalType.APP_UNINSTALLED, RuleConditions.ALWAYS,
                                marketing(RetentionAction.CROSS_CHANNEL_RETARGET, "r", PUSH, EMAIL, IN_APP))),
                        List.of("rules[10].actions[0].channels: app_uninstalled means the customer closed push, in_app:"
                                + " never plan it for marketing")),
                new Case("a closed channel may still carry transactional messages", rules -> rules.set(6,
                        rule(SignalType.PUSH_OPT_OUT, RuleConditions.ALWAYS, new PlannedAction(
                                RetentionAction.CROSS_CHANNEL_RETARGET, "service", List.of(PUSH, EMAIL),
                                Purpose.TRANSACTIONAL))), List.of()),
                new Case("permission renewal only where likely to engage", rules -> rules.set(7,
                        rule(SignalType.EMAIL_WITHDRAWN, RuleConditions.ALWAYS,
                                marketing(RetentionAction.PERMISSION_RENEWAL, "renewal", IN_APP))),
                        List.of("rules[7].actions[0]: permission_renewal needs the condition engagedElsewhereWithinDays:"
                                        + " ask for a permission back only where the customer is likely to engage",
                                "rules[8]: duplicates rules[7] (same signal and conditions), so it never applies")),
                new Case("every problem is listed, in order", rules -> {
                    rules.set(0, rule(SignalType.MESSAGES_IGNORED, RuleConditions.ALWAYS,
                            marketing(RetentionAction.CROSS_CHANNEL_RETARGET, "", EMAIL)));
                    rules.remove(1);
                }, List.of("rules[0].actions[0].campaign: " + PlaybookCheck.CAMPAIGN_RULE,
                        "rules: no rule for signal ignores_every_channel; every signal needs one (use the action none"
                                + " to do nothing on purpose)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void problems_listEveryBrokenRuleWithItsPlace(Case c) {
        List<PlaybookRule> rules = new ArrayList<>(TestPlaybooks.rules());
        c.edit().accept(rules);

        assertThat(PlaybookCheck.problems(rules)).map(PlaybookProblem::toString)
                .containsExactlyElementsOf(c.problems());
    }

    @Test
    void new_whenTheRulesBreakTheCheck_refusesToBuildAPlaybook() {
        List<PlaybookRule> rules = new ArrayList<>(TestPlaybooks.rules());
        rules.remove(5);

        assertThatThrownBy(() -> new Playbook(TestPlaybooks.VERSION, rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("playbook 2026-11-1 is invalid")
                .hasMessageContaining("no rule for signal lapsed");
    }
}
