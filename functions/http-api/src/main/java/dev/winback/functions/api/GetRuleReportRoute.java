package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.OutcomeJson;
import dev.winback.core.guardrail.UnitState;
import dev.winback.core.outcome.ReportOutcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * GET /v1/reports/rules?from=yyyy-MM-dd&to=yyyy-MM-dd: each unit's outcomes (the playbook's
 * campaigns, the journeys) over the customers exposed on those days (UTC), from the counters alone,
 * with whether its guardrail paused it and why.
 * By default the last {@value #DEFAULT_DAYS} days through today; at most {@value #MAX_DAYS} days.
 */
final class GetRuleReportRoute implements Route {

    static final String KEY = "GET /v1/reports/rules";
    static final int DEFAULT_DAYS = 28;
    static final int MAX_DAYS = 366;

    private final ReportOutcomes report;
    private final Supplier<Collection<String>> units;
    private final Clock clock;
    private final Supplier<Map<String, UnitState>> guardrails;

    GetRuleReportRoute(ReportOutcomes report, Supplier<Collection<String>> units, Clock clock) {
        this(report, units, clock, Map::of);
    }

    /** @param guardrails the units' guardrail states: paused ones show why, and are listed even when no rule names them */
    GetRuleReportRoute(ReportOutcomes report, Supplier<Collection<String>> units, Clock clock,
                       Supplier<Map<String, UnitState>> guardrails) {
        this.report = report;
        this.units = units;
        this.clock = clock;
        this.guardrails = guardrails;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        Map<String, String> query = request.getQueryStringParameters() == null ? Map.of()
                : request.getQueryStringParameters();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from;
        LocalDate to;
        try {
            to = query.containsKey("to") ? LocalDate.parse(query.get("to")) : today;
            from = query.containsKey("from") ? LocalDate.parse(query.get("from")) : to.minusDays(DEFAULT_DAYS - 1);
        } catch (DateTimeParseException e) {
            return HttpResponses.problem(400, "Invalid range", "from and to are dates, yyyy-MM-dd");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            return HttpResponses.problem(400, "Invalid range",
                    "to must not be before from, and the range at most " + MAX_DAYS + " days");
        }
        Map<String, UnitState> states = guardrails.get();
        Set<String> listed = new TreeSet<>(units.get());
        states.values().stream().filter(UnitState::paused).forEach(state -> listed.add(state.unit()));
        var estimates = report.report(listed, from, to);
        LocalDate start = from;
        LocalDate end = to;
        return HttpResponses.json(200, g -> OutcomeJson.writeReport(g, start, end, estimates, states));
    }
}
