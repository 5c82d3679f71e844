package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.ContractRules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The {customerId} path parameter of the /v1/customers/{customerId}… routes, checked as the contract checks it. */
final class CustomerPath {

    private CustomerPath() {
    }

    /** Answers 400 naming the parameter when the id is missing or invalid; otherwise what {@code then} answers. */
    static APIGatewayV2HTTPResponse withCustomer(APIGatewayV2HTTPEvent request,
                                                 Function<String, APIGatewayV2HTTPResponse> then) {
        Map<String, String> path = request.getPathParameters() == null ? Map.of() : request.getPathParameters();
        String customerId = path.get("customerId");
        Optional<String> problem = customerId == null ? Optional.of("is required")
                : ContractRules.CUSTOMER_ID.problemWith(customerId);
        if (problem.isPresent()) {
            return HttpResponses.problem(400, "Bad Request", "the customer id is invalid",
                    List.of(new HttpResponses.InvalidField(-1, null, "customerId", problem.get())));
        }
        return then.apply(customerId);
    }
}
