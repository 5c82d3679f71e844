package dev.winback.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response serialiser the probe makes at init, from the handler's declared response type. */
class ColdStartProbeTest {

    static final class SummaryHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("due", 3);
        }
    }

    static final class BatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            return new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m-1")));
        }
    }

    @Test
    void aPlainResponseType_isWrittenByThePojoSerialiser() {
        assertEquals("{\"due\":3}", json(ColdStartProbe.responseSerializer(SummaryHandler.class),
                new SummaryHandler().handleRequest(Map.of(), null)));
    }

    @Test
    void anEventResponseType_isWrittenByItsEventSerialiser() {
        String json = json(ColdStartProbe.responseSerializer(BatchHandler.class), new BatchHandler().handleRequest(null, null));
        assertTrue(json.contains("\"itemIdentifier\":\"m-1\""), json);
    }

    @Test
    void aClassThatIsNoRequestHandler_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ColdStartProbe.responseSerializer(String.class));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String json(PojoSerializer serializer, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
