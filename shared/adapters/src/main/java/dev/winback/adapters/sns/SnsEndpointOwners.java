package dev.winback.adapters.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.adapters.json.ContractRules;
import dev.winback.core.feedback.EndpointOwners;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

import java.util.Optional;

/**
 * Endpoint owners from SNS endpoint attributes: CustomUserData is the customer id, or a JSON object
 * with {@code customerId}: what Winback's push sender writes when it creates the endpoint.
 */
public final class SnsEndpointOwners implements EndpointOwners {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnsClient sns;

    public SnsEndpointOwners(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public Optional<String> customerOf(String endpointArn) {
        try {
            String data = sns.getEndpointAttributes(b -> b.endpointArn(endpointArn)).attributes()
                    .getOrDefault("CustomUserData", "").trim();
            return customerIdIn(data);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static Optional<String> customerIdIn(String data) {
        String id = data;
        if (data.startsWith("{")) {
            try {
                id = JSON.readTree(data).path("customerId").asText("");
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return id.isEmpty() || ContractRules.CUSTOMER_ID.problemWith(id).isPresent() ? Optional.empty() : Optional.of(id);
    }
}
