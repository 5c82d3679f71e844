package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.event.Platform;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A CDP message's contract event before the contract checks it: its type, platform and properties,
 * and how the contract's field names translate back to the message's own (an error about
 * {@code properties.amount} is about the message's {@code properties.total}).
 */
record CdpDraft(String type, Optional<Platform> platform, ObjectNode properties, UnaryOperator<String> messageField) {

    static CdpDraft of(String type, Optional<Platform> platform) {
        return new CdpDraft(type, platform, ContractJson.nodes().objectNode(), UnaryOperator.identity());
    }

    CdpDraft naming(UnaryOperator<String> messageField) {
        return new CdpDraft(type, platform, properties, messageField);
    }

    /** Puts {@code value} under {@code name} unless it is absent or null (the contract never takes null). */
    CdpDraft with(String name, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) properties.set(name, value);
        return this;
    }

    CdpDraft with(String name, String value) {
        if (value != null) properties.put(name, value);
        return this;
    }

    /** A number sent as text ("39.95", as older libraries do) becomes the number it spells; anything else stays. */
    static JsonNode decimal(JsonNode value) {
        if (value != null && value.isTextual()) {
            try {
                return DecimalNode.valueOf(new BigDecimal(value.textValue().trim()));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    /** The first of the names {@code node} holds, or a missing node. */
    static JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (!value.isMissingNode() && !value.isNull()) return value;
        }
        return node.path(names[0]);
    }

    /** Replaces a leading {@code from} of a contract path with {@code to}. */
    static String renamed(String field, String from, String to) {
        return field.equals(from) || field.startsWith(from + ".") || field.startsWith(from + "[")
                ? to + field.substring(from.length()) : field;
    }
}
