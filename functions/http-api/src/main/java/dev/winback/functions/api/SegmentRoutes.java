package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.SegmentDefinitionParser;
import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentCount;
import dev.winback.core.segment.SegmentCounts;
import dev.winback.core.segment.SegmentMembers;
import dev.winback.core.segmentstore.ManageSegments;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operators' segment routes: store a definition (in force from then on), see a segment (its
 * definition's version, count, counts by day and a sample of members) and page through its members.
 * Reading costs in proportion to the members read, never a scan.
 */
final class SegmentRoutes {

    static final String PUT = "PUT /v1/segments/{segmentId}";
    static final String SHOW = "GET /v1/segments/{segmentId}";
    static final String MEMBERS = "GET /v1/segments/{segmentId}/members";
    static final int SAMPLE = 10;
    static final int DAYS = 30;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final ManageSegments manage;
    private final SegmentMembers members;
    private final SegmentCounts counts;
    private final Clock clock;

    SegmentRoutes(ManageSegments manage, SegmentMembers members, SegmentCounts counts, Clock clock) {
        this.manage = manage;
        this.members = members;
        this.counts = counts;
        this.clock = clock;
    }

    Map<String, Route> byKey() {
        return Map.of(
                PUT, request -> withSegment(request, id ->
                        switch (OperatorRequests.json(request, OperatorRequests.MAX_DEFINITION_BYTES)) {
                            case OperatorRequests.Json.Refused refused -> refused.response();
                            case OperatorRequests.Json.Read read -> put(id, read.text());
                        }),
                SHOW, request -> withSegment(request, this::show),
                MEMBERS, request -> withSegment(request, id -> members(id, request)));
    }

    private APIGatewayV2HTTPResponse put(String segmentId, String text) {
        return switch (manage.put(segmentId, text)) {
            case ManageSegments.Stored.Refused refused -> OperatorRequests.refused("the definition", refused.problems());
            case ManageSegments.Stored.Activated activated -> HttpResponses.json(200, g -> {
                g.writeStartObject();
                g.writeStringField("id", segmentId);
                g.writeNumberField("version", activated.version());
                g.writeEndObject();
            });
        };
    }

    private APIGatewayV2HTTPResponse show(String segmentId) {
        Optional<ManageSegments.Shown> shown = manage.show(segmentId);
        if (shown.isEmpty()) return OperatorRequests.notFound("no such segment");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        SegmentCount count = counts.count(segmentId, today.minusDays(DAYS - 1), today);
        MemberPage sample = members.page(segmentId, Optional.empty(), SAMPLE);
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("id", segmentId);
            g.writeStringField("name", shown.get().definition().name());
            g.writeNumberField("version", shown.get().version());
            g.writeNumberField("count", count.members());
            g.writeArrayFieldStart("countsByDay");
            for (Map.Entry<LocalDate, Long> day : count.byDay().entrySet()) {
                g.writeStartObject();
                g.writeStringField("day", day.getKey().toString());
                g.writeNumberField("count", day.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            writeIds(g, "sample", sample.customerIds());
            g.writeEndObject();
        });
    }

    private APIGatewayV2HTTPResponse members(String segmentId, APIGatewayV2HTTPEvent request) {
        Map<String, String> query = request.getQueryStringParameters() == null ? Map.of() : request.getQueryStringParameters();
        int limit = DEFAULT_LIMIT;
        if (query.containsKey("limit")) {
            String text = query.get("limit");
            limit = text != null && text.matches("[0-9]{1,4}") ? Integer.parseInt(text) : -1;
            if (limit < 1 || limit > MAX_LIMIT) {
                return OperatorRequests.invalid("the limit is invalid", "limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        if (manage.show(segmentId).isEmpty()) return OperatorRequests.notFound("no such segment");
        MemberPage page;
        try {
            page = members.page(segmentId, Optional.ofNullable(query.get("after")).filter(a -> !a.isEmpty()), limit);
        } catch (IllegalArgumentException e) {
            return OperatorRequests.invalid("the cursor is invalid", "after", "must be the next cursor of an earlier page");
        }
        return HttpResponses.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("id", segmentId);
            writeIds(g, "customerIds", page.customerIds());
            if (page.next().isPresent()) g.writeStringField("next", page.next().get());
            else g.writeNullField("next");
            g.writeEndObject();
        });
    }

    private static void writeIds(JsonGenerator g, String field, List<String> ids) throws IOException {
        g.writeArrayFieldStart(field);
        for (String id : ids) g.writeString(id);
        g.writeEndArray();
    }

    private static APIGatewayV2HTTPResponse withSegment(APIGatewayV2HTTPEvent request,
                                                        Function<String, APIGatewayV2HTTPResponse> then) {
        String segmentId = request.getPathParameters() == null ? null : request.getPathParameters().get("segmentId");
        if (segmentId == null || !SegmentDefinitionParser.ID.matcher(segmentId).matches()) {
            return OperatorRequests.invalid("the segment id is invalid", "segmentId",
                    "must be lower-case letters, digits and dashes (at most 64), starting with a letter or digit");
        }
        return then.apply(segmentId);
    }
}
