package dev.winback.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.sqs.DeliveryQueueMessages;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.event.Channel;
import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.links.LinkToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;

/**
 * The samples of the functions whose shipped sample in events/ is not theirs to do work on, made
 * from the shipped ones: a preference-centre link signed with the local development secret (the
 * probes' key: they name no secret), a delivery request on the delivery queue, and the Pinpoint export
 * the import's S3 stand-in serves.
 */
final class ColdStartSamples {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The customer of the shipped samples. */
    static final String CUSTOMER = "c-000123";

    private ColdStartSamples() {
    }

    /** {@code GET /p/{token}}: the preference page of the link's customer (a read and a page, no write). */
    static Path publicLinks(Path events, Path dir) throws IOException {
        String token = LinkConfig.localDevelopment(null).tokens().issue(LinkToken.preferences(CUSTOMER, Instant.now()));
        ObjectNode request = (ObjectNode) JSON.readTree(events.resolve("apigw-get-customer.json").toFile());
        String path = "/p/" + token;
        request.put("routeKey", "GET /p/{token}").put("rawPath", path);
        request.putObject("pathParameters").put("token", token);
        ObjectNode context = (ObjectNode) request.get("requestContext");
        context.put("routeKey", "GET /p/{token}");
        ((ObjectNode) context.get("http")).put("method", "GET").put("path", path);
        return write(dir.resolve("apigw-get-preference-page.json"), request);
    }

    /** One delivery request (an order update by SMS) in an SQS batch, as the delivery queue hands it over. */
    static Path delivery(Path events, Path dir) throws IOException {
        ObjectNode batch = (ObjectNode) JSON.readTree(events.resolve("sqs-engagement-batch.json").toFile());
        ObjectNode message = (ObjectNode) batch.get("Records").get(0);
        Instant now = Instant.now();
        message.put("body", DeliveryQueueMessages.body(new DeliveryRequest(CUSTOMER, "order-shipped", "send-shipped",
                "coldstart", Purpose.TRANSACTIONAL, MessageCategory.ORDER_UPDATES, List.of(Channel.SMS), now,
                now.plus(Duration.ofDays(1)), Duration.ofHours(4), Map.of("orderId", "o-coldstart"))));
        ArrayNode records = batch.putArray("Records");
        records.add(message);
        return write(dir.resolve("sqs-delivery-request.json"), batch);
    }

    /** The shipped Pinpoint endpoint export, gzip-compressed as Pinpoint writes it. */
    static byte[] pinpointExport(Path events) throws IOException {
        return gzip(Files.readString(events.resolve("pinpoint-endpoint-export.jsonl")));
    }

    /** The n-th read of the export: its endpoints' ids made the read's own ({@link SampleVariants}). */
    static IntFunction<byte[]> pinpointExportVariants(Path events) throws IOException {
        String export = Files.readString(events.resolve("pinpoint-endpoint-export.jsonl"));
        return n -> gzip(SampleVariants.vary(export, "-r" + n));
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Path write(Path file, ObjectNode json) {
        try {
            JSON.writeValue(file.toFile(), json);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
