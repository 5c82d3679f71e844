package dev.winback.functions.cdp;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.config.CdpWriteKeys;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.http.RequestBody;
import dev.winback.adapters.json.CdpItem;
import dev.winback.adapters.json.CdpRequest;
import dev.winback.adapters.json.CdpRequestParser;
import dev.winback.adapters.json.SegmentMapping;
import dev.winback.core.cdp.CdpMessage;
import dev.winback.core.cdp.CdpOutcome;
import dev.winback.core.cdp.IngestCdpMessages;
import dev.winback.core.ingest.RejectedEventLog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * POST /v1/cdp/{source}: one Segment-spec message or a batch. The source's write key comes as HTTP
 * Basic (the key as user name, no password, as Segment sends it) or as the body's {@code writeKey};
 * without the right one the answer is 401 and nothing is read further or kept. Each message then
 * gets its own answer: accepted, ignored (with the reason), invalid (with its fields; kept as a
 * rejected event) or retry (then the status is 503, and resending the request is harmless).
 */
final class CdpRoute {

    static final String ROUTE_KEY = "POST /v1/cdp/{source}";
    /** Segment's own limit for a batch is 500 KB; twice that leaves room for other senders. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(CdpRoute.class.getName());

    private final CdpWriteKeys writeKeys;
    private final IngestCdpMessages messages;
    private final RejectedEventLog rejected;
    private final Clock clock;
    private final CdpRequestParser parser = new CdpRequestParser();
    private final SegmentMapping mapping = new SegmentMapping();

    CdpRoute(CdpWriteKeys writeKeys, IngestCdpMessages messages, RejectedEventLog rejected, Clock clock) {
        this.writeKeys = writeKeys;
        this.messages = messages;
        this.rejected = rejected;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        if (!ROUTE_KEY.equals(request.getRouteKey())) return HttpResponses.problem(404, "Not Found", "no such route");
        try {
            String source = source(request);
            // A key in the header is checked before the body is read; one in the body needs the body parsed.
            Optional<String> headerKey = BasicAuth.userName(request);
            if (headerKey.isPresent()) {
                Optional<APIGatewayV2HTTPResponse> refused = refusal(source, headerKey);
                if (refused.isPresent()) return refused.get();
            }
            return switch (RequestBody.text(request, MAX_BODY_BYTES, "; send smaller batches")) {
                case RequestBody.Read.Refused refused -> headerKey.isPresent() ? refused.response() : unauthorised();
                case RequestBody.Read.Text text -> answer(source, headerKey.isPresent(), parser.parse(text.body()));
            };
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected failure on " + ROUTE_KEY, e);
            return HttpResponses.problem(500, "Internal Server Error", "the request could not be completed; retry later");
        }
    }

    private APIGatewayV2HTTPResponse answer(String source, boolean keyChecked, CdpRequest parsed) {
        if (!keyChecked) {
            Optional<String> bodyKey = parsed instanceof CdpRequest.Messages m ? m.writeKey() : Optional.empty();
            Optional<APIGatewayV2HTTPResponse> refused = refusal(source, bodyKey);
            if (refused.isPresent()) return refused.get();
        }
        return switch (parsed) {
            case CdpRequest.BodyInvalid bad -> HttpResponses.problem(400, "Bad Request", "the body is not a Segment message or batch",
                    bad.errors().stream().map(e -> new HttpResponses.InvalidField(-1, null, e.field(), e.message())).toList());
            case CdpRequest.Messages ok -> take(source, ok);
        };
    }

    /** 401 for a wrong or missing key, 503 when the keys cannot be read, else nothing. */
    private Optional<APIGatewayV2HTTPResponse> refusal(String source, Optional<String> presented) {
        try {
            return writeKeys.accepts(source, presented) ? Optional.empty() : Optional.of(unauthorised());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the CDP write keys could not be read", e);
            return Optional.of(HttpResponses.problem(503, "Service Unavailable", "the write keys could not be checked; retry later"));
        }
    }

    private static APIGatewayV2HTTPResponse unauthorised() {
        APIGatewayV2HTTPResponse refused = HttpResponses.problem(401, "Unauthorized",
                "a valid write key of this source is required: HTTP Basic with the write key as user name, or writeKey in the body");
        Map<String, String> headers = new HashMap<>(refused.getHeaders());
        headers.put("WWW-Authenticate", "Basic realm=\"winback-cdp\"");
        refused.setHeaders(headers);
        return refused;
    }

    private APIGatewayV2HTTPResponse take(String source, CdpRequest.Messages request) {
        Instant now = clock.instant();
        List<CdpItem> items = request.messages().stream().map(m -> mapping.map(m, now)).toList();
        List<CdpMessage> mapped = new ArrayList<>();
        for (CdpItem item : items) if (item instanceof CdpItem.Mapped m) mapped.add(m.message());
        List<CdpOutcome> outcomes = messages.take(mapped);
        List<CdpAnswer> answers = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
            CdpItem item = items.get(i);
            answers.add(switch (item) {
                case CdpItem.Mapped m -> CdpAnswer.of(i, m.messageId(), outcomes.get(next++));
                case CdpItem.Ignored ignored -> new CdpAnswer(i, ignored.messageId(), "ignored", ignored.reason(), List.of());
                case CdpItem.Invalid invalid -> keep(source, i, request, invalid);
            });
        }
        return CdpAnswer.response(answers);
    }

    /** An invalid message is kept like any rejected event (30 days, with its reasons), then answered. */
    private CdpAnswer keep(String source, int index, CdpRequest.Messages request, CdpItem.Invalid invalid) {
        String sourceId = invalid.messageId() != null ? invalid.messageId() : "#" + index;
        try {
            rejected.keep("cdp:" + source, sourceId, CdpRequest.text(request.messages().get(index)), invalid.errors(), 0,
                    clock.instant());
            return new CdpAnswer(index, invalid.messageId(), "invalid", null, invalid.errors());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not keep a rejected CDP message; it is answered retry", e);
            return CdpAnswer.of(index, invalid.messageId(), new CdpOutcome.Retry());
        }
    }

    private static String source(APIGatewayV2HTTPEvent request) {
        Map<String, String> path = request.getPathParameters();
        return path == null ? "" : path.getOrDefault("source", "");
    }
}
