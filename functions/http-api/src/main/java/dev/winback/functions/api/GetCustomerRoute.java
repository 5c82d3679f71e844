package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.CustomerView;
import dev.winback.core.evaluation.ShowCustomer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * GET /v1/customers/{customerId}: the customer's engagement record, with the last evaluation: state
 * and since when, risk score, the signals with their explanations, and the next deadline with its
 * reason (worded again from the record, as the evaluator worded them).
 */
final class GetCustomerRoute implements Route {

    private final ShowCustomer showCustomer;

    GetCustomerRoute(ShowCustomer showCustomer) {
        this.showCustomer = showCustomer;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        return CustomerPath.withCustomer(request, customerId -> showCustomer.show(customerId).map(shown -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CustomerView.write(shown.record(), shown.words(), out);
            String body = out.toString(StandardCharsets.UTF_8);
            return HttpResponses.json(200, g -> g.writeRawValue(body));
        }).orElseGet(() -> HttpResponses.problem(404, "Not Found", "no engagement record for this customer")));
    }
}
