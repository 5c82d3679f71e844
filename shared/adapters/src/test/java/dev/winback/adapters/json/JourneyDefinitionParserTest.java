package dev.winback.adapters.json;

import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.Condition;
import dev.winback.core.journey.EventMatch;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.Operator;
import dev.winback.core.journey.Reentry;
import dev.winback.core.journey.Step;
import dev.winback.core.journey.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyDefinitionParserTest {

    static final String REVIEW_REQUEST = """
            {"id":"review-request","version":1,"name":"Review request","purpose":"marketing","category":"surveys",
             "priorityGroup":"post-purchase","priority":20,
             "trigger":{"event":"order_status_changed","when":[{"fact":"event.status","op":"eq","value":"delivered"}],
                        "key":"event.orderId"},
             "firstStep":"wait","steps":[
               {"id":"wait","wait":"P5D","next":"ask"},
               {"id":"ask","send":{"campaign":"review-request","channels":["email","push"]},"next":"wait-review"},
               {"id":"wait-review","waitForEvent":{"event":"review_submitted","timeout":"P7D"},"onEvent":"done","onTimeout":"done"},
               {"id":"done","exit":"reviewed"}],
             "exitOn":[{"event":"review_submitted"}],"reentry":{"kind":"after_exit"},"note":"asks once"}
            """;

    private final JourneyDefinitionParser parser = new JourneyDefinitionParser();

    static JourneyDefinition valid(String json) {
        JourneyReading reading = new JourneyDefinitionParser().read(json, "test");
        assertThat(reading).as(reading instanceof JourneyReading.Invalid i ? i.message() : "")
                .isInstanceOf(JourneyReading.Valid.class);
        return ((JourneyReading.Valid) reading).definition();
    }

    private List<String> problems(String json) {
        JourneyReading reading = parser.read(json, "test");
        assertThat(reading).isInstanceOf(JourneyReading.Invalid.class);
        return ((JourneyReading.Invalid) reading).problems().stream().map(JourneyProblem::toString).toList();
    }

    @Test
    void readsEveryPartOfADefinition() {
        JourneyDefinition definition = valid(REVIEW_REQUEST);

        assertThat(definition.id()).isEqualTo("review-request");
        assertThat(definition.purpose()).isEqualTo(Purpose.MARKETING);
        assertThat(definition.category()).isEqualTo(MessageCategory.SURVEYS);
        assertThat(definition.priorityGroup()).contains("post-purchase");
        assertThat(definition.priority()).isEqualTo(20);
        assertThat(definition.trigger()).isEqualTo(new Trigger.OnEvent(EventMatch.of("order_status_changed"),
                Optional.of("event.orderId"), false, List.of(new Condition("event.status", Operator.EQ, List.of("delivered")))));
        assertThat(definition.steps().keySet()).containsExactly("wait", "ask", "wait-review", "done");
        assertThat(definition.steps().get("wait")).isEqualTo(new Step.Wait("wait", Duration.ofDays(5), Optional.empty(), "ask"));
        assertThat(definition.steps().get("ask")).isEqualTo(new Step.Send("ask", "review-request",
                List.of(Channel.EMAIL, Channel.PUSH), Map.of(), "wait-review"));
        assertThat(definition.steps().get("wait-review")).isEqualTo(new Step.WaitForEvent("wait-review",
                EventMatch.of("review_submitted"), Duration.ofDays(7), "done", "done"));
        assertThat(definition.steps().get("done")).isEqualTo(new Step.Exit("done", "reviewed"));
        assertThat(definition.exitOn()).containsExactly(EventMatch.of("review_submitted"));
        assertThat(definition.reentry()).isEqualTo(Reentry.AFTER_EXIT);
        assertThat(definition.note()).isEqualTo("asks once");
    }

    @Test
    void readsAnnualTriggers_valuesOfEveryType_andTheRarerSteps() {
        JourneyDefinition birthday = valid(REVIEW_REQUEST.replaceFirst(
                "\\{\"event\":\"order_status_changed\"[^}]*}],\\s*\"key\":\"event.orderId\"}",
                "{\"annual\":{\"birthday\":true,\"at\":\"09:00\"},\"when\":[{\"fact\":\"record.orders\",\"op\":\"gte\",\"value\":2},"
                        + "{\"fact\":\"record.hasBirthday\",\"op\":\"eq\",\"value\":true},"
                        + "{\"fact\":\"event.category\",\"op\":\"in\",\"values\":[\"phones\",1.50]}]}"));
        assertThat(birthday.trigger()).isEqualTo(new Trigger.Annual(Optional.empty(), LocalTime.of(9, 0), List.of(
                new Condition("record.orders", Operator.GTE, List.of("2")),
                new Condition("record.hasBirthday", Operator.EQ, List.of("true")),
                new Condition("event.category", Operator.IN, List.of("phones", "1.50")))));

        JourneyDefinition christmas = valid(REVIEW_REQUEST.replaceFirst("\\{\"event\":\"order_status_changed\"[^}]*}],\\s*\"key\":\"event.orderId\"}",
                        "{\"annual\":{\"date\":\"--12-24\",\"at\":\"10:30\"}}")
                .replace("{\"id\":\"wait\",\"wait\":\"P5D\",\"next\":\"ask\"}",
                        "{\"id\":\"wait\",\"waitUntil\":{\"at\":\"08:00\",\"minimum\":\"PT12H\"},\"next\":\"check\"},"
                                + "{\"id\":\"check\",\"if\":[{\"fact\":\"context.line\",\"op\":\"exists\"}],\"then\":\"hold\",\"otherwise\":\"done\"},"
                                + "{\"id\":\"hold\",\"wait\":\"P1DT2H\",\"durationFrom\":\"repurchaseDays\",\"next\":\"ask\"}")
                .replace("\"reentry\":{\"kind\":\"after_exit\"}", "\"reentry\":{\"kind\":\"after_cooldown\",\"cooldown\":\"P30D\"}"));
        assertThat(christmas.trigger()).isEqualTo(new Trigger.Annual(Optional.of(MonthDay.of(12, 24)), LocalTime.of(10, 30), List.of()));
        assertThat(christmas.steps().get("wait")).isEqualTo(new Step.WaitUntil("wait", LocalTime.of(8, 0), Duration.ofHours(12), "check"));
        assertThat(christmas.steps().get("check")).isEqualTo(new Step.Branch("check",
                List.of(new Condition("context.line", Operator.EXISTS, List.of())), "hold", "done"));
        assertThat(christmas.steps().get("hold")).isEqualTo(new Step.Wait("hold", Duration.ofHours(26),
                Optional.of("repurchaseDays"), "ask"));
        assertThat(christmas.reentry()).isEqualTo(new Reentry(Reentry.Kind.AFTER_COOLDOWN, Duration.ofDays(30)));
    }

    @Test
    void listsEveryShapeProblemAtOnce_withItsPath() {
        String broken = """
                {"id":"x","version":"1","name":"","purpose":"sales","category":"news","priority":5000,"colour":"red",
                 "trigger":{"event":"Purchase","when":[{"fact":"record.orders","op":"approx","value":1},
                                                      {"fact":"record.orders","op":"in","value":1,"values":[2]}]},
                 "firstStep":"a","steps":[
                   {"id":"a","wait":"P1M","next":"b"},
                   {"id":"b","send":{"campaign":"c","channels":["fax"],"variables":{"v":3}},"next":"c"},
                   {"id":"c","waitUntil":{"at":"9:00"},"next":"d"},
                   {"id":"d","wait":"P1D","exit":"x"},
                   {"id":"e"},
                   {"id":"a","exit":"again"},
                   {"id":"f","waitForEvent":{"event":"review_submitted","timeout":"PT0S"},"onEvent":"a"}],
                 "reentry":{"kind":"sometimes","cooldown":"P1D"}}
                """;

        assertThat(problems(broken)).containsExactlyInAnyOrder(
                "colour: unknown field; a journey has category, exitOn, firstStep, id, name, note, priority, priorityGroup, purpose, reentry, steps, trigger, version",
                "version: must be a whole number from 1 to 2147483647, not a string",
                "name: must not be empty",
                "purpose: unknown purpose \"sales\"; expected one of: marketing, transactional",
                "category: unknown category \"news\"; expected one of: promotions, new_products, order_updates, reminders, surveys",
                "priority: must be a whole number from 0 to 1000",
                "trigger.event: must be an event type in lower snake case, such as purchase_completed",
                "trigger.when[0].op: unknown operator \"approx\"; expected one of: " + ConditionsJson.OPERATORS,
                "trigger.when[1]: has value and values; write one value as value, several as values",
                "steps[0].wait: " + JourneyJsonRules.DURATION_REQUIREMENT + ", not \"P1M\"",
                "steps[1].send.channels[0]: unknown channel \"fax\"; expected one of: email, sms, push, in_app, webhook",
                "steps[1].send.variables.v: must be a string, not a number",
                "steps[2].waitUntil.at: must be a local time HH:mm such as 09:00, not \"9:00\"",
                "steps[3]: a step has exactly one of send, wait, waitUntil, waitForEvent, if, exit; this one has wait and exit",
                "steps[4]: a step has exactly one of send, wait, waitUntil, waitForEvent, if, exit",
                "steps[5].id: another step already has the id a",
                "steps[6].onTimeout: is required",
                "steps[6].waitForEvent.timeout: must be longer than zero",
                "reentry.kind: unknown re-entry kind \"sometimes\"; expected one of: once, after_exit, after_cooldown, restart");
    }

    @Test
    void annualTriggersAndReentry_refuseWhatDoesNotBelong() {
        String json = REVIEW_REQUEST
                .replaceFirst("\\{\"event\":\"order_status_changed\"[^}]*}],\\s*\"key\":\"event.orderId\"}",
                        "{\"annual\":{\"birthday\":false,\"date\":\"--02-30\",\"at\":\"25:00\"},\"key\":\"event.orderId\"}")
                .replace("{\"kind\":\"after_exit\"}", "{\"kind\":\"once\",\"cooldown\":\"P1D\"}");

        assertThat(problems(json)).containsExactlyInAnyOrder(
                "trigger.key: only an event trigger has key",
                "trigger.annual.at: must be a local time HH:mm such as 09:00, not \"25:00\"",
                "trigger.annual: an annual trigger has exactly one of birthday (true) and date (--MM-dd)",
                "reentry.cooldown: only after_cooldown has a cooldown");
        assertThat(problems(json.replace("\"birthday\":false,", "").replace("25:00", "09:00")))
                .contains("trigger.annual.date: must be a day of the year --MM-dd such as --12-24, not \"--02-30\"");
    }

    @Test
    void onceTheShapeIsRight_theModelsChecksRun() {
        String json = REVIEW_REQUEST.replace("\"onTimeout\":\"done\"", "\"onTimeout\":\"remind\"")
                .replace("\"op\":\"eq\"", "\"op\":\"gt\"").replace("event.status", "event.colour");

        assertThat(problems(json)).containsExactlyInAnyOrder(
                "trigger.when[0]: unknown fact: event.colour",
                "trigger.when[0]: gt needs a number: delivered",
                "steps.wait-review: goes to a step that does not exist: remind");
    }

    @Test
    void malformedJsonAndNonObjects_areOneProblemAtTheRoot() {
        assertThat(problems("{\"id\":")).singleElement().asString().startsWith("$: must be valid JSON");
        assertThat(problems("[]")).containsExactly("$: must be an object, not an array");
    }

    @Test
    void theMessage_namesTheSourceAndEveryProblem() {
        JourneyReading.Invalid invalid = (JourneyReading.Invalid) parser.read("{}", "classpath:winback/journeys/x.json");

        assertThat(invalid.message()).startsWith("journey classpath:winback/journeys/x.json is invalid (9 problems):")
                .contains("\n  - id: is required").contains("\n  - reentry: is required");
    }
}
