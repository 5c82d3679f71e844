package dev.winback.core.feedback;

import java.util.Optional;

/** Which customer a push endpoint belongs to (Winback's push sender names the customer on the endpoint). */
@FunctionalInterface
public interface EndpointOwners {
    Optional<String> customerOf(String endpointArn);
}
