package dev.winback.local.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.local.runtime.clock.VirtualClock;
import dev.winback.local.runtime.schedule.TickReport;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Routes that exist only in the local runtime, under /local: read and move the virtual clock, and
 * run the schedules that fell due. Moving the clock does not run schedules; POST /local/tick does.
 * <ul>
 *   <li>{@code GET /local/clock}: {@code {"now": "..."}}</li>
 *   <li>{@code POST /local/clock} with {@code {"advance": "P7D"}} (ISO-8601 duration; P1M style periods
 *       are calendar periods in UTC) or {@code {"set": "2026-11-23T00:00:00Z"}}</li>
 *   <li>{@code POST /local/tick}: runs every schedule firing due since the last tick, in time order, each
 *       at its own time on the virtual clock (see {@link dev.winback.local.runtime.schedule.LocalSchedules}); answers what ran</li>
 *   <li>{@code GET /local/outbox}: what the local channels sent, newest first</li>
 * </ul>
 */
public final class LocalControlRoutes {

    public static final String PREFIX = "/local/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CLOCK_FIELDS = Set.of("advance", "set");
    /** GET /local/outbox shows the newest messages, at most this many. */
    static final int OUTBOX_LIMIT = 500;

    private final VirtualClock clock;
    private final Supplier<TickReport> tick;
    private final IntFunction<String> outbox;

    public LocalControlRoutes(VirtualClock clock, Supplier<TickReport> tick) {
        this(clock, tick, limit -> "{\"total\":0,\"messages\":[]}");
    }

    /** @param outbox the newest messages of the local outbox as JSON, at most the number given */
    public LocalControlRoutes(VirtualClock clock, Supplier<TickReport> tick, IntFunction<String> outbox) {
        this.clock = clock;
        this.tick = tick;
        this.outbox = outbox;
    }

    public static boolean owns(String path) {
        return path.startsWith(PREFIX) || path.equals("/local");
    }

    public HttpResponseData handle(String method, String path, byte[] body) {
        return switch (path) {
            case "/local/clock" -> switch (method) {
                case "GET" -> now(clock.instant(), null);
                case "POST" -> moveClock(body);
                default -> notAllowed(method, path, "GET, POST");
            };
            case "/local/tick" -> method.equals("POST") ? tick() : notAllowed(method, path, "POST");
            case "/local/outbox" -> method.equals("GET")
                    ? new HttpResponseData(200, Map.of("content-type", List.of("application/json")),
                    outbox.apply(OUTBOX_LIMIT).getBytes(StandardCharsets.UTF_8))
                    : notAllowed(method, path, "GET");
            default -> HttpResponseData.problem(ProblemJson.of(404, "Not Found",
                    "no local route " + path + "; local routes are GET|POST /local/clock, POST /local/tick and GET /local/outbox"));
        };
    }

    private HttpResponseData moveClock(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return HttpResponseData.problem(ProblemJson.of(400, "Bad Request", "the body is not JSON"));
        }
        if (request == null || !request.isObject()) {
            return HttpResponseData.problem(ProblemJson.of(400, "Bad Request",
                    "send a JSON object: {\"advance\": \"P7D\"} or {\"set\": \"2026-11-23T00:00:00Z\"}"));
        }
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            if (!CLOCK_FIELDS.contains(field.getKey())) {
                return HttpResponseData.problem(ProblemJson.badField(field.getKey(), "unknown field; use advance or set"));
            }
        }
        if (request.has("advance") == request.has("set")) {
            return HttpResponseData.problem(ProblemJson.of(400, "Bad Request", "give exactly one of advance and set"));
        }
        Instant previous = clock.instant();
        if (request.has("advance")) {
            JsonNode advance = request.get("advance");
            if (!advance.isTextual()) {
                return HttpResponseData.problem(ProblemJson.badField("advance",
                        "must be an ISO-8601 duration string such as \"P7D\" or \"PT36H\""));
            }
            try {
                Instant target = plus(previous, advance.textValue());
                if (target.isBefore(previous)) {
                    return HttpResponseData.problem(ProblemJson.badField("advance",
                            "must not be negative; use set to move the clock back"));
                }
                return now(clock.advanceTo(target), previous);
            } catch (DateTimeException | ArithmeticException e) {
                return HttpResponseData.problem(ProblemJson.badField("advance",
                        "\"" + advance.textValue() + "\" is not an ISO-8601 duration such as \"P7D\" or \"PT36H\""));
            }
        }
        JsonNode set = request.get("set");
        try {
            if (!set.isTextual()) {
                throw new DateTimeException("not text");
            }
            return now(clock.set(Instant.parse(set.textValue())), previous);
        } catch (DateTimeException e) {
            return HttpResponseData.problem(ProblemJson.badField("set",
                    "must be an ISO-8601 instant such as \"2026-11-23T00:00:00Z\""));
        }
    }

    /** PT36H and P7D are exact durations; P1M and P1Y are calendar periods, applied in UTC. */
    private static Instant plus(Instant from, String text) {
        try {
            return from.plus(Duration.parse(text));
        } catch (DateTimeException e) {
            return from.atZone(ZoneOffset.UTC).plus(Period.parse(text)).toInstant();
        }
    }

    private HttpResponseData tick() {
        TickReport report = tick.get();
        ObjectNode body = JSON.createObjectNode().put("at", report.at().toString());
        ArrayNode ran = body.putArray("ran");
        for (TickReport.Outcome o : report.outcomes()) {
            ran.addObject()
                    .put("schedule", o.schedule())
                    .put("function", o.functionId())
                    .put("expression", o.expression())
                    .put("firstScheduledAt", o.firstScheduledAt().toString())
                    .put("scheduledAt", o.scheduledAt().toString())
                    .put("dueRuns", o.dueRuns())
                    .put("runs", o.runs())
                    .put("idle", o.idle())
                    .put("coalesced", o.coalesced())
                    .put("status", o.status().name())
                    .put("error", o.error())
                    .put("elapsedMillis", o.elapsedMillis());
        }
        body.put("summary", report.summary());
        return HttpResponseData.json(200, body.toString());
    }

    private static HttpResponseData now(Instant now, Instant previous) {
        ObjectNode body = JSON.createObjectNode().put("now", now.toString());
        if (previous != null) {
            body.put("previous", previous.toString());
        }
        return HttpResponseData.json(200, body.toString());
    }

    private static HttpResponseData notAllowed(String method, String path, String allowed) {
        HttpResponseData problem = HttpResponseData.problem(ProblemJson.of(405, "Method Not Allowed",
                method + " " + path + " is not supported; use " + allowed));
        return new HttpResponseData(405, Map.of("content-type", List.of(ProblemJson.CONTENT_TYPE),
                "allow", List.of(allowed)), problem.body());
    }
}
