package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.DynamoDbOptOutCounters;
import dev.winback.adapters.dynamodb.DynamoDbUnitPauses;
import dev.winback.core.event.Purpose;
import dev.winback.core.guardrail.CheckGuardrails;
import dev.winback.core.guardrail.GuardrailEvents;
import dev.winback.core.guardrail.MeasuredUnit;
import dev.winback.core.guardrail.ResumeUnit;
import dev.winback.core.guardrail.UnitState;
import dev.winback.core.journey.ActiveJourneys;
import dev.winback.core.journey.JourneyDefinitions;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.playbook.PlannedAction;
import dev.winback.core.settings.CurrentPolicies;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The guardrails over the engagement table: the check that pauses harmful units (on the
 * evaluator's schedule), the operators' resumption, and the units' states for the rule report.
 * The units are the running playbook's campaigns (as activated, paused ones included) and the
 * active journeys.
 */
public final class Guardrails {

    private final DynamoDbUnitPauses pauses;
    private final CurrentPolicies policies;
    private final JourneyDefinitions journeys;
    private final GuardrailEvents events;
    private final Clock clock;
    private final EngagementTable table;

    public Guardrails(EngagementTable table, CurrentPolicies policies, JourneyDefinitions journeys,
                      GuardrailEvents events, Clock clock) {
        this.table = table;
        this.pauses = new DynamoDbUnitPauses(table.clients().dynamoDb(), table.tableName(), table.meter());
        this.policies = policies;
        this.journeys = journeys;
        this.events = events;
        this.clock = clock;
    }

    /** The scheduled check, judging at most once per {@code interval}. */
    public CheckGuardrails check(Duration interval) {
        return new CheckGuardrails(table.outcomeCounters(),
                new DynamoDbOptOutCounters(table.clients().dynamoDb(), table.tableName(), table.meter()), pauses,
                events, policies::guardrails, () -> units(policies.playbook(), journeys.active()), interval,
                new JulWarnings(CheckGuardrails.class));
    }

    public ResumeUnit resume() {
        return new ResumeUnit(pauses, events, policies::refreshNow, clock, new JulWarnings(ResumeUnit.class));
    }

    /** Every unit's state by unit, for the rule report (units never paused are absent). */
    public Map<String, UnitState> states() {
        return pauses.all().stream().collect(Collectors.toMap(UnitState::unit, Function.identity(), (a, b) -> a,
                TreeMap::new));
    }

    /**
     * The playbook's campaigns and the journeys, each once: a campaign is transactional when every
     * action under it is, a journey when its purpose is.
     */
    public static List<MeasuredUnit> units(Playbook playbook, ActiveJourneys journeys) {
        Map<String, Boolean> transactional = new TreeMap<>();
        playbook.rules().forEach(rule -> {
            for (PlannedAction action : rule.actions()) {
                transactional.merge(action.campaignId(), action.purpose() == Purpose.TRANSACTIONAL, Boolean::logicalAnd);
            }
        });
        journeys.definitions().values().forEach(definition ->
                transactional.merge(definition.id(), definition.purpose() == Purpose.TRANSACTIONAL, Boolean::logicalAnd));
        List<MeasuredUnit> units = new ArrayList<>();
        transactional.forEach((id, only) -> units.add(new MeasuredUnit(id, only)));
        return units;
    }
}
