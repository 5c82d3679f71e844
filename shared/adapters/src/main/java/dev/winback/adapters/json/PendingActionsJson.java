package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.evaluation.Destination;
import dev.winback.core.evaluation.PendingAction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The actions a record holds until they are published: a JSON array of each action's
 * RetentionActionRequested detail, as published, with the destinations it already reached.
 */
public final class PendingActionsJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    private PendingActionsJson() {
    }

    public static byte[] toBytes(List<PendingAction> actions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * actions.size());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (PendingAction action : actions) {
                g.writeStartObject();
                g.writeFieldName("detail");
                g.writeRawValue(RetentionActionRequestedJson.toDetail(action.request()));
                if (!action.done().isEmpty()) {
                    g.writeArrayFieldStart("done");
                    for (Destination destination : action.done()) g.writeString(destination.name());
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing pending actions", e);
        }
        return out.toByteArray();
    }

    public static List<PendingAction> fromBytes(byte[] json) {
        List<PendingAction> actions = new ArrayList<>();
        try {
            for (JsonNode n : TREE.readTree(json)) {
                Set<Destination> done = EnumSet.noneOf(Destination.class);
                n.path("done").forEach(d -> done.add(Destination.valueOf(d.asText())));
                actions.add(new PendingAction(RetentionActionRequestedJson.fromDetail(n.path("detail").toString()), done));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading pending actions", e);
        }
        return actions;
    }
}
