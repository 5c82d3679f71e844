package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.privacy.CustomerData;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Privacy requests (IAM-protected, for the operator's own tools):
 * {@code GET /v1/customers/{customerId}/export} returns everything held on the customer, sent
 * messages included; {@code DELETE /v1/customers/{customerId}} erases it (see
 * {@link CustomerData#erase}): every address the customer ever gave is tombstoned by keyed hash, and
 * no later event re-creates the customer.
 */
final class PrivacyRoutes {

    static final String EXPORT = "GET /v1/customers/{customerId}/export";
    static final String ERASE = "DELETE /v1/customers/{customerId}";
    private static final Logger LOG = Logger.getLogger(PrivacyRoutes.class.getName());

    private PrivacyRoutes() {
    }

    static Route export(CustomerData data, Clock clock) {
        return request -> CustomerPath.withCustomer(request, id -> {
            var items = data.held(id);
            if (items.isEmpty()) return HttpResponses.problem(404, "Not Found", "nothing is held on this customer");
            return HttpResponses.json(200, g -> data.export(id, clock.instant(), g));
        });
    }

    static Route erase(CustomerData data, Clock clock) {
        return request -> CustomerPath.withCustomer(request, id -> {
            CustomerData.Erasure erasure = data.erase(id, clock.instant());
            LOG.info(() -> "customer erased: " + erasure.itemsDeleted() + " item(s), "
                    + erasure.contactsTombstoned() + " contact tombstone(s), "
                    + erasure.rejectedDeleted() + " rejected event(s)");
            return HttpResponses.json(200, g -> {
                g.writeStartObject();
                g.writeStringField("customerId", id);
                g.writeBooleanField("erased", true);
                g.writeNumberField("itemsDeleted", erasure.itemsDeleted());
                g.writeNumberField("contactsTombstoned", erasure.contactsTombstoned());
                g.writeNumberField("rejectedDeleted", erasure.rejectedDeleted());
                g.writeEndObject();
            });
        });
    }
}
