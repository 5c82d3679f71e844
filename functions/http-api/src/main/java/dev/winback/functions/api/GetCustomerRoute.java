package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.adapters.http.HttpResponses;
import dev.winback.adapters.json.CustomerView;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.evaluation.EvaluationReport;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.model.PurchaseModels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * GET /v1/customers/{customerId}: the customer's engagement record, with the last evaluation: state
 * and since when, risk score, the signals with their explanations, and the next deadline with its
 * reason (worded again from the record, as the evaluator worded them).
 */
final class GetCustomerRoute implements Route {

    private static final Logger LOG = Logger.getLogger(GetCustomerRoute.class.getName());

    private final DynamoDbEngagementStore store;
    private final EvaluationPolicy policy;
    private final PurchaseModels models;

    GetCustomerRoute(DynamoDbEngagementStore store, EvaluationPolicy policy, PurchaseModels models) {
        this.store = store;
        this.policy = policy;
        this.models = models;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        return CustomerPath.withCustomer(request, customerId -> {
            StoredRecord stored = store.find(customerId);
            if (stored == null) {
                return HttpResponses.problem(404, "Not Found", "no engagement record for this customer");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CustomerView.write(stored.record(), words(stored), out);
            String body = out.toString(StandardCharsets.UTF_8);
            return HttpResponses.json(200, g -> g.writeRawValue(body));
        });
    }

    /** The evaluation's words; without them (the record is still served) if wording it again fails. */
    private Optional<EvaluationReport> words(StoredRecord stored) {
        try {
            return EvaluationReport.of(stored.record(), policy, models.current());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "wording a stored evaluation failed; serving it without explanations", e);
            return Optional.empty();
        }
    }
}
