package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.winback.core.privacy.CustomerExport;
import dev.winback.core.privacy.HeldItem;
import dev.winback.core.privacy.HeldValue;
import dev.winback.core.record.EngagementRecord;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerExportJsonTest {

    @Test
    void writesEachItemsKey_recordOrMessage_andItsAttributesInNameOrder() throws Exception {
        EngagementRecord record = EngagementRecord.empty("c-1");
        CustomerExport export = new CustomerExport("c-1", Instant.parse("2026-11-20T10:00:00Z"), List.of(
                new HeldItem("RECORD", Optional.of(record), Optional.empty(), Map.of("v", new HeldValue.Number(new BigDecimal("3")))),
                new HeldItem("SENT#m-1", Optional.empty(), Optional.of("{\"subject\":\"Hi\"}"), Map.of(
                        "status", new HeldValue.Text("sent"),
                        "flags", new HeldValue.ListOf(List.of(new HeldValue.Text("a"), new HeldValue.Text("b"))),
                        "meta", new HeldValue.MapOf(Map.of("z", new HeldValue.Null(), "a", new HeldValue.Bool(true)))))));

        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            CustomerExportJson.write(export, g);
        }

        String recordJson = new String(CustomerView.toBytes(record), StandardCharsets.UTF_8);
        assertThat(out.toString()).isEqualTo("{\"customerId\":\"c-1\",\"exportedAt\":\"2026-11-20T10:00:00Z\",\"items\":["
                + "{\"sk\":\"RECORD\",\"record\":" + recordJson + ",\"attributes\":{\"v\":3}},"
                + "{\"sk\":\"SENT#m-1\",\"message\":{\"subject\":\"Hi\"},\"attributes\":{\"flags\":[\"a\",\"b\"],"
                + "\"meta\":{\"a\":true,\"z\":null},\"status\":\"sent\"}}]}");
    }

    @Test
    void writesTheJourneysItem_asTheStoredDocument() throws Exception {
        CustomerExport export = new CustomerExport("c-1", Instant.parse("2026-11-20T10:00:00Z"), List.of(
                new HeldItem("JOURNEYS", Optional.empty(), Optional.empty(), Map.of("v", new HeldValue.Number(BigDecimal.ONE)),
                        Optional.of("{\"format\":1,\"id\":\"c-1\"}"))));

        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            CustomerExportJson.write(export, g);
        }

        assertThat(out.toString()).isEqualTo("{\"customerId\":\"c-1\",\"exportedAt\":\"2026-11-20T10:00:00Z\",\"items\":["
                + "{\"sk\":\"JOURNEYS\",\"journeys\":{\"format\":1,\"id\":\"c-1\"},\"attributes\":{\"v\":1}}]}");
    }
}
