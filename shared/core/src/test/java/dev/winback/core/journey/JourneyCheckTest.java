package dev.winback.core.journey;

import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.journey.JourneyFixtures.done;
import static dev.winback.core.journey.JourneyFixtures.match;
import static dev.winback.core.journey.JourneyFixtures.on;
import static dev.winback.core.journey.JourneyFixtures.pause;
import static dev.winback.core.journey.JourneyFixtures.send;
import static dev.winback.core.journey.JourneyFixtures.when;
import static org.assertj.core.api.Assertions.assertThat;

class JourneyCheckTest {

    @Test
    void aSoundDefinitionHasNoProblem() {
        assertThat(JourneyCheck.problems(definition("thanks", "wait",
                pause("wait", Duration.ofDays(2), "say"), send("say", "thank-you", "end"), done("end")))).isEmpty();
    }

    @Test
    void everyProblemIsListedAtOnce_withWhereItIs() {
        List<JourneyProblem> problems = JourneyCheck.problems(definition("Bad Id", "nowhere",
                new Step.Send("say", "Thank You", List.of(), Map.of("not a name", "x"), "missing"),
                new Step.Wait("wait", Duration.ZERO, Optional.empty(), "say"),
                new Step.Branch("branch", List.of(when("record.shoeSize", Operator.GT, "x"),
                        when("event.status", Operator.EQ, "shipped"), when("record.orders", Operator.EXISTS, "1")),
                        "say", "wait"),
                new Step.WaitForEvent("listen", match("review_submitted"), Duration.ofDays(-1), "say", "say"),
                new Step.Exit("stop", "Done!")));

        assertThat(problems).extracting(JourneyProblem::where).contains("id", "firstStep", "steps.say",
                "steps.say.campaign", "steps.say.variables.not a name", "steps.wait.duration",
                "steps.branch.when[0]", "steps.branch.when[1]", "steps.branch.when[2]", "steps.listen.timeout",
                "steps.stop.reason");
        assertThat(problems).extracting(JourneyProblem::problem).contains(
                "goes to a step that does not exist: missing", "unknown fact: record.shoeSize", "gt needs a number: x",
                "exists takes no value");
        assertThat(problems.stream().filter(p -> p.where().equals("steps.branch.when[1]")).findFirst().orElseThrow()
                .problem()).contains("use context.status");
    }

    @Test
    void aLoopWithoutAWaitIsRefused_aLoopThroughAWaitIsNot() {
        assertThat(JourneyCheck.problems(definition("spin", "a",
                send("a", "ping", "b"), new Step.Branch("b", List.of(when("record.orders", Operator.GTE, "1")), "a", "c"),
                done("c")))).extracting(JourneyProblem::problem).contains("is on a loop with no wait in it");
        assertThat(JourneyCheck.problems(definition("remind", "a",
                send("a", "ping", "b"), new Step.WaitUntil("b", LocalTime.NOON, Duration.ofDays(1), "a")))).isEmpty();
    }

    @Test
    void aTriggerKeyMustBeAnEventFact_andOnlyPurchasesHaveLineItems() {
        JourneyDefinition definition = new JourneyDefinition("keyed", 1, "keyed", Purpose.MARKETING,
                MessageCategory.REMINDERS, Optional.empty(), 0,
                new Trigger.OnEvent(match("order_status_changed"), Optional.of("record.orders"), true, List.of()),
                "end", Map.of("end", done("end")), List.of(), Reentry.ONCE, "");
        assertThat(JourneyCheck.problems(definition)).extracting(JourneyProblem::where)
                .containsExactlyInAnyOrder("trigger.key", "trigger.perLineItem");
    }

    private static JourneyDefinition definition(String id, String first, Step... steps) {
        Map<String, Step> byId = new LinkedHashMap<>();
        for (Step step : steps) byId.put(step.id(), step);
        return new JourneyDefinition(id, 1, id, Purpose.MARKETING, MessageCategory.REMINDERS, Optional.empty(), 0,
                on("purchase_completed"), first, byId, List.of(), Reentry.ONCE, "");
    }
}
