package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.dynamodb.DynamoDbInbox;
import dev.winback.adapters.http.HttpResponses;

import java.util.List;
import java.util.Map;

/**
 * GET /v1/customers/{customerId}/inbox[?limit=N]: the customer's unexpired in-app messages, newest
 * first (at most 20 unless {@code limit}, 1 to 100, says otherwise). An empty inbox is an empty list.
 */
final class GetInboxRoute implements Route {

    static final int DEFAULT_LIMIT = 20;

    private final DynamoDbInbox inbox;

    GetInboxRoute(DynamoDbInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        return CustomerPath.withCustomer(request, customerId -> {
            String limitText = request.getQueryStringParameters() == null ? null
                    : request.getQueryStringParameters().get("limit");
            int limit = DEFAULT_LIMIT;
            if (limitText != null) {
                limit = limitText.matches("[0-9]{1,3}") ? Integer.parseInt(limitText) : -1;
                if (limit < 1 || limit > DynamoDbInbox.MAX_LIMIT) {
                    return HttpResponses.problem(400, "Bad Request", "the limit is invalid",
                            List.of(new HttpResponses.InvalidField(-1, null, "limit",
                                    "must be a whole number from 1 to " + DynamoDbInbox.MAX_LIMIT)));
                }
            }
            List<DynamoDbInbox.Entry> entries = inbox.read(customerId, limit);
            return HttpResponses.json(200, g -> {
                g.writeStartObject();
                g.writeStringField("customerId", customerId);
                g.writeArrayFieldStart("messages");
                for (DynamoDbInbox.Entry e : entries) {
                    g.writeStartObject();
                    g.writeStringField("messageId", e.messageId());
                    g.writeStringField("sentAt", e.sentAt().toString());
                    g.writeStringField("expiresAt", e.expiresAt().toString());
                    g.writeStringField("purpose", e.purpose());
                    g.writeStringField("subject", e.subject());
                    g.writeStringField("text", e.text());
                    if (!e.html().isEmpty()) g.writeStringField("html", e.html());
                    g.writeObjectFieldStart("data");
                    for (Map.Entry<String, String> d : e.data().entrySet()) g.writeStringField(d.getKey(), d.getValue());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        });
    }
}
