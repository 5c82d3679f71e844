package dev.winback.local.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each call's own sample: event and message ids made its own, customers and everything else kept. */
class SampleVariantsTest {

    private static final Path EVENTS = Path.of("../../events");

    @Test
    void eventAndMessageIds_getTheSuffix_customersDoNot() {
        String json = "{\"eventId\":\"evt-1\",\"customerId\":\"c-1\",\"messageId\":\"m-1\",\"requestId\":\"r-1\"}";
        assertEquals("{\"eventId\":\"evt-1-x1\",\"customerId\":\"c-1\",\"messageId\":\"m-1-x1\",\"requestId\":\"r-1\"}",
                SampleVariants.vary(json, "-x1"));
    }

    @Test
    void idsInsideJsonCarriedAsAString_getTheSuffixToo() {
        // An SQS body: the inner quotes are escaped once; a space after the colon, as SES writes it.
        String json = "{\"body\":\"{\\\"eventId\\\":\\\"evt-1\\\",\\\"detail\\\":{\\\"messageId\\\": \\\"m-1\\\"}}\"}";
        assertEquals("{\"body\":\"{\\\"eventId\\\":\\\"evt-1-x1\\\",\\\"detail\\\":{\\\"messageId\\\": \\\"m-1-x1\\\"}}\"}",
                SampleVariants.vary(json, "-x1"));
    }

    @Test
    void everyShippedSampleTheProbesUse_changesWithTheCall() throws IOException {
        for (String sample : new String[] {"sqs-engagement-batch.json", "apigw-post-events.json",
                "sns-ses-delivery.json", "pinpoint-endpoint-export.jsonl"}) {
            String text = Files.readString(EVENTS.resolve(sample));
            String first = SampleVariants.vary(text, "-c0");
            assertNotEquals(text, first, sample);
            assertNotEquals(first, SampleVariants.vary(text, "-c1"), sample);
            assertEquals(text.split("c-000123", -1).length, first.split("c-000123", -1).length,
                    sample + " keeps its customer");
        }
    }

    @Test
    void aSuffixThatIsNoIdText_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> SampleVariants.vary("{}", "\"x"));
    }
}
