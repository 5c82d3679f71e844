package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.json.DeliveryJson;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.core.delivery.MessageLedger;

import java.nio.charset.StandardCharsets;

/**
 * GET /v1/customers/{customerId}/messages: the customer's messages from the send ledger, newest
 * first (at most {@value #LIMIT}), each with its status, attempts and every decision with its reason.
 * No addresses and no content: the ledger keeps neither.
 */
final class GetMessagesRoute implements Route {

    static final int LIMIT = 100;

    private final MessageLedger ledger;

    GetMessagesRoute(MessageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        return CustomerPath.withCustomer(request, customerId -> {
            String body = new String(DeliveryJson.messagesBody(customerId, ledger.recent(customerId, LIMIT)),
                    StandardCharsets.UTF_8);
            return HttpResponses.json(200, g -> g.writeRawValue(body));
        });
    }
}
