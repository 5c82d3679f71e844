package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.privacy.CustomerExport;
import dev.winback.core.privacy.HeldItem;
import dev.winback.core.privacy.HeldValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's export as JSON: {@code customerId}, {@code exportedAt} and one entry per item with its
 * {@code sk}, the {@code record} as the API shows it, the stored {@code message} or the stored
 * {@code journeys}, and its other
 * {@code attributes} in name order.
 */
public final class CustomerExportJson {

    private CustomerExportJson() {
    }

    public static void write(CustomerExport export, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("customerId", export.customerId());
        g.writeStringField("exportedAt", export.exportedAt().toString());
        g.writeArrayFieldStart("items");
        for (HeldItem item : export.items()) {
            g.writeStartObject();
            g.writeStringField("sk", item.key());
            if (item.record().isPresent()) {
                g.writeFieldName("record");
                g.writeRawValue(new String(CustomerView.toBytes(item.record().get()), StandardCharsets.UTF_8));
            } else if (item.message().isPresent()) {
                g.writeFieldName("message");
                g.writeRawValue(item.message().get());
            } else if (item.journeys().isPresent()) {
                g.writeFieldName("journeys");
                g.writeRawValue(item.journeys().get());
            }
            g.writeObjectFieldStart("attributes");
            writeEntries(g, item.attributes());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeEntries(JsonGenerator g, Map<String, HeldValue> entries) throws IOException {
        for (Map.Entry<String, HeldValue> e : new TreeMap<>(entries).entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
    }

    private static void write(JsonGenerator g, HeldValue value) throws IOException {
        switch (value) {
            case HeldValue.Text t -> g.writeString(t.value());
            case HeldValue.Number n -> g.writeNumber(n.value());
            case HeldValue.Bool b -> g.writeBoolean(b.value());
            case HeldValue.Null ignored -> g.writeNull();
            case HeldValue.ListOf l -> {
                g.writeStartArray();
                for (HeldValue v : l.values()) write(g, v);
                g.writeEndArray();
            }
            case HeldValue.MapOf m -> {
                g.writeStartObject();
                writeEntries(g, m.entries());
                g.writeEndObject();
            }
        }
    }
}
