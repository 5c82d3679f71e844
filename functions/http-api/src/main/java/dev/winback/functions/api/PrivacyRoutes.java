package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.CustomerExportJson;
import dev.winback.core.privacy.CustomerExport;
import dev.winback.core.privacy.EraseCustomer;
import dev.winback.core.privacy.Erasure;
import dev.winback.core.privacy.ExportCustomer;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Privacy requests (IAM-protected, for the operator's own tools):
 * {@code GET /v1/customers/{customerId}/export} returns everything held on the customer, sent
 * messages included; {@code DELETE /v1/customers/{customerId}} erases it (see
 * {@link EraseCustomer}): every address the customer ever gave is tombstoned by keyed hash, and
 * no later event re-creates the customer.
 */
final class PrivacyRoutes {

    static final String EXPORT = "GET /v1/customers/{customerId}/export";
    static final String ERASE = "DELETE /v1/customers/{customerId}";
    private static final Logger LOG = Logger.getLogger(PrivacyRoutes.class.getName());

    private PrivacyRoutes() {
    }

    static Route export(ExportCustomer exportCustomer) {
        return request -> CustomerPath.withCustomer(request, id -> {
            Optional<CustomerExport> export = exportCustomer.export(id);
            if (export.isEmpty()) return HttpResponses.problem(404, "Not Found", "nothing is held on this customer");
            return HttpResponses.json(200, g -> CustomerExportJson.write(export.get(), g));
        });
    }

    static Route erase(EraseCustomer eraseCustomer) {
        return request -> CustomerPath.withCustomer(request, id -> {
            Erasure erasure = eraseCustomer.erase(id);
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
