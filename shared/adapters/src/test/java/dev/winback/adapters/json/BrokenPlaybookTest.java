package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.playbook.PlaybookCheck;
import dev.winback.core.playbook.PlaybookProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One broken playbook per mistake a maintainer can make. Each starts from a small valid playbook,
 * changes one thing, and must be refused with exactly the expected problems, in order.
 */
class BrokenPlaybookTest {

    private static final String BASE = TestResources.text("playbook/minimal.json");
    private static final String SIGNALS = "messages_ignored, ignores_every_channel, purchase_lapse, platform_migration,"
            + " lapsed, push_opt_out, email_withdrawn, membership_cancelled, app_uninstalled";
    private static final String ACTIONS = "cross_channel_retarget, in_app_nudge, throttle, new_products_promotion,"
            + " sale_promotion, lapsed_campaign, permission_renewal, feature_highlights, winback_email,"
            + " cross_promotion_email, ad_audience, none";
    private static final String NEEDS_A_RULE = "; every signal needs one (use the action none to do nothing on purpose)";

    record Case(String name, UnaryOperator<JsonNode> edit, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("unknown signal name", set("/rules/2/signal", "\"purchase_lapsed\""), List.of(
                        "rules[2].signal: unknown signal \"purchase_lapsed\"; expected one of: " + SIGNALS,
                        "rules: no rule for signal purchase_lapse" + NEEDS_A_RULE)),
                new Case("unknown action name", set("/rules/4/actions/0/action", "\"lapsed_campagin\""), List.of(
                        "rules[4].actions[0].action: unknown action \"lapsed_campagin\"; expected one of: " + ACTIONS)),
                new Case("missing signal coverage", remove("/rules/7"), List.of(
                        "rules: no rule for signal membership_cancelled" + NEEDS_A_RULE)),
                new Case("unknown channel", set("/rules/0/actions/0/channels/1", "\"whatsapp\""), List.of(
                        "rules[0].actions[0].channels[1]: unknown channel \"whatsapp\"; expected one of: email, sms,"
                                + " push, in_app, webhook")),
                new Case("empty campaign id", set("/rules/1/actions/0/campaign", "\"\""), List.of(
                        "rules[1].actions[0].campaign: " + PlaybookCheck.CAMPAIGN_RULE)),
                new Case("missing campaign id", remove("/rules/1/actions/0/campaign"), List.of(
                        "rules[1].actions[0].campaign: is required")),
                new Case("duplicate rule", appendCopy("/rules", "/rules/4"), List.of(
                        "rules[9]: duplicates rules[4] (same signal and conditions), so it never applies")),
                new Case("unsupported version format", set("/version", "\"2026.11\""), List.of(
                        "version: unsupported version format \"2026.11\"; must be year-month-revision, such as"
                                + " 2026-11-1 (month 01 to 12, revision from 1)")),
                new Case("version as a number", set("/version", "3"), List.of("version: must be a string, not a number")),
                new Case("missing version", remove("/version"), List.of("version: is required")),
                new Case("condition outside when", set("/rules/0/minStrength", "\"strong\""), List.of(
                        "rules[0].minStrength: unknown field; a rule has signal, when, actions and note")),
                new Case("unknown condition", set("/rules/6/when/clickedWithinDays", "30"), List.of(
                        "rules[6].when.clickedWithinDays: unknown field; a condition is minStrength or"
                                + " engagedElsewhereWithinDays")),
                new Case("unknown strength", set("/rules/5/when", "{\"minStrength\": \"very\"}"), List.of(
                        "rules[5].when.minStrength: unknown strength \"very\"; expected one of: weak, medium, strong")),
                new Case("zero days", set("/rules/6/when/engagedElsewhereWithinDays", "0"), List.of(
                        "rules[6].when.engagedElsewhereWithinDays: must be a whole number of days from 1 to 3650")),
                new Case("fractional days", set("/rules/6/when/engagedElsewhereWithinDays", "7.5"), List.of(
                        "rules[6].when.engagedElsewhereWithinDays: must be a whole number of days from 1 to 3650")),
                new Case("unknown purpose", set("/rules/0/actions/0/purpose", "\"promo\""), List.of(
                        "rules[0].actions[0].purpose: unknown purpose \"promo\"; expected one of: marketing,"
                                + " transactional")),
                new Case("advertising is no action's purpose", set("/rules/0/actions/0/purpose", "\"advertising\""),
                        List.of("rules[0].actions[0].purpose: unknown purpose \"advertising\"; expected one of:"
                                + " marketing, transactional")),
                new Case("channels not a list", set("/rules/0/actions/0/channels", "\"email\""), List.of(
                        "rules[0].actions[0].channels: must be an array of channel names, not a string")),
                new Case("email marketing after email withdrawn", set("/rules/6/actions/0/channels", "[\"push\", \"email\"]"),
                        List.of("rules[6].actions[0].channels: email_withdrawn means the customer closed email: never"
                                + " plan it for marketing")),
                new Case("permission renewal without evidence of engagement", remove("/rules/6/when"), List.of(
                        "rules[6].actions[0]: permission_renewal needs the condition engagedElsewhereWithinDays: ask"
                                + " for a permission back only where the customer is likely to engage")),
                new Case("rules not a list", set("/rules", "{}"), List.of("rules: must be an array of rules, not an object")),
                new Case("every problem at once, in order", root -> {
                    set("/version", "\"v1\"").apply(root);
                    set("/rules/2/signal", "\"purchases\"").apply(root);
                    set("/rules/3/actions/0/campaign", "\"Migration Q4\"").apply(root);
                    return root;
                }, List.of(
                        "version: unsupported version format \"v1\"; must be year-month-revision, such as 2026-11-1"
                                + " (month 01 to 12, revision from 1)",
                        "rules[2].signal: unknown signal \"purchases\"; expected one of: " + SIGNALS,
                        "rules[3].actions[0].campaign: " + PlaybookCheck.CAMPAIGN_RULE,
                        "rules: no rule for signal purchase_lapse" + NEEDS_A_RULE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void read_whenBroken_listsExactlyTheExpectedProblems(Case c) {
        String text = c.edit().apply(TestResources.json(BASE)).toString();

        PlaybookReading reading = new PlaybookParser().read(text, "test");

        assertThat(reading).isInstanceOfSatisfying(PlaybookReading.Invalid.class, invalid ->
                assertThat(invalid.problems()).map(PlaybookProblem::toString).containsExactlyElementsOf(c.problems()));
    }

    @Test
    void read_theUnbrokenBase_isValid() {
        assertThat(new PlaybookParser().read(BASE, "test")).isInstanceOf(PlaybookReading.Valid.class);
    }

    @Test
    void read_whenNotJson_saysWhereItBroke() {
        PlaybookReading reading = new PlaybookParser().read("{\"version\": \"2026-11-1\",\n \"rules\": [", "test");

        assertThat(reading).isInstanceOfSatisfying(PlaybookReading.Invalid.class, invalid ->
                assertThat(invalid.problems()).singleElement().hasToString(
                        "$: must be valid JSON: it ends too early (line 2, column 12)"));
    }

    @Test
    void read_whenAFieldAppearsTwice_refusesRatherThanKeepingOne() {
        PlaybookReading reading = new PlaybookParser().read("{\"version\": \"2026-11-1\", \"version\": \"2026-11-2\"}", "t");

        assertThat(reading).isInstanceOfSatisfying(PlaybookReading.Invalid.class, invalid ->
                assertThat(invalid.problems().getFirst().problem()).contains("a field appears twice in one object"));
    }

    @Test
    void read_whenTheDocumentIsAnArray_refusesIt() {
        assertThat(new PlaybookParser().read("[]", "t")).isEqualTo(new PlaybookReading.Invalid("t",
                List.of(new PlaybookProblem("$", "must be a JSON object, not an array"))));
    }

    @Test
    void fromText_whenInvalid_failsWithEveryProblemOnItsOwnLine() {
        String text = remove("/rules/7").andThen(set("/rules/0/actions/0/channels/0", "\"fax\""))
                .apply(TestResources.json(BASE)).toString();

        assertThatThrownBy(() -> new PlaybookLoader().fromText(text, "my-playbook.json"))
                .isInstanceOf(InvalidPlaybookException.class)
                .hasMessage("playbook my-playbook.json is invalid (2 problems):\n"
                        + "  - rules[0].actions[0].channels[0]: unknown channel \"fax\"; expected one of: email, sms,"
                        + " push, in_app, webhook\n"
                        + "  - rules: no rule for signal membership_cancelled" + NEEDS_A_RULE);
    }

    // ---- edits by JSON pointer; values are JSON text

    private static UnaryOperator<JsonNode> set(String pointer, String json) {
        return root -> {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = root.at(at.head());
            JsonNode value = TestResources.json(json);
            if (parent instanceof ArrayNode array) array.set(at.last().getMatchingIndex(), value);
            else ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
            return root;
        };
    }

    private static UnaryOperator<JsonNode> remove(String pointer) {
        return root -> {
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = root.at(at.head());
            if (parent instanceof ArrayNode array) array.remove(at.last().getMatchingIndex());
            else ((ObjectNode) parent).remove(at.last().getMatchingProperty());
            return root;
        };
    }

    private static UnaryOperator<JsonNode> appendCopy(String arrayPointer, String elementPointer) {
        return root -> {
            ((ArrayNode) root.at(arrayPointer)).add(root.at(elementPointer).deepCopy());
            return root;
        };
    }
}
