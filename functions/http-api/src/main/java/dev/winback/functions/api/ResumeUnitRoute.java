package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.GuardrailJson;
import dev.winback.core.guardrail.ResumeUnit;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * POST /v1/reports/rules/{unit}/resume: an operator resumes a unit its guardrail paused (200 with
 * the pause it ended, and a {@code RuleResumed} event); 409 when the unit is not paused. The unit
 * decides again within a minute, and is judged again only on exposures from today on.
 */
final class ResumeUnitRoute implements Route {

    static final String KEY = "POST /v1/reports/rules/{unit}/resume";
    /** A campaign id or a journey id. */
    private static final Pattern UNIT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private final ResumeUnit resume;

    ResumeUnitRoute(ResumeUnit resume) {
        this.resume = resume;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        String unit = path.get("unit");
        if (unit == null || !UNIT.matcher(unit).matches()) {
            return OperatorRequests.invalid("the unit is invalid", "unit",
                    "must be a campaign or journey id: lower-case letters, digits and dashes (at most 64)");
        }
        return switch (resume.resume(unit)) {
            case ResumeUnit.Result.NotPaused notPaused -> HttpResponses.problem(409, "Not paused",
                    "the unit " + unit + " is not paused");
            case ResumeUnit.Result.Resumed resumed -> HttpResponses.json(200, g -> {
                g.writeStartObject();
                g.writeStringField("unit", unit);
                g.writeBooleanField("paused", false);
                g.writeStringField("resumedAt", resumed.at().toString());
                g.writeFieldName("ended");
                GuardrailJson.writePause(g, resumed.ended());
                g.writeEndObject();
            });
        };
    }
}
