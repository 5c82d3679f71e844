package dev.winback.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.winback.adapters.json.ContractRules;

import java.util.Optional;

/** The caller's address as API Gateway saw it, kept as consent evidence; only a well-formed one. */
final class SourceAddress {

    private SourceAddress() {
    }

    static Optional<String> of(APIGatewayV2HTTPEvent request) {
        if (request.getRequestContext() == null || request.getRequestContext().getHttp() == null) return Optional.empty();
        String ip = request.getRequestContext().getHttp().getSourceIp();
        return ip == null || ContractRules.IP_ADDRESS.problemWith(ip).isPresent() ? Optional.empty() : Optional.of(ip);
    }
}
