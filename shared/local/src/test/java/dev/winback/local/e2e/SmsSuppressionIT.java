package dev.winback.local.e2e;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.winback.adapters.sns.SnsSmsOptIns;
import dev.winback.adapters.dynamodb.DynamoDbOnce;
import dev.winback.adapters.testing.MotoEndpoint;
import dev.winback.core.delivery.Attempt;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.functions.feedback.FeedbackComposition;
import dev.winback.functions.feedback.ProcessFeedbackHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A STOP Winback cannot match to a customer still stops every text to that number, and a number on
 * SNS's opted-out list gets none: the real feedback and delivery handlers, DynamoDB Local, moto SNS
 * (skipped without WINBACK_MOTO_ENDPOINT).
 */
class SmsSuppressionIT {

    static ProviderLog provider;
    static SnsClient sns;
    DeliveryFixture f;
    ProcessFeedbackHandler feedback;
    final List<String> confirmations = new ArrayList<>();
    final List<String> optedIn = new ArrayList<>();

    @BeforeAll
    static void emulator() {
        String endpoint = MotoEndpoint.require();
        provider = new ProviderLog();
        sns = MotoSns.client(endpoint, provider);
    }

    @AfterAll
    static void close() {
        if (sns != null) sns.close();
    }

    @BeforeEach
    void fixture() {
        provider.clear();
        f = new DeliveryFixture(DeliveryIT.AFTERNOON, sns);
        IngestFixture shared = IngestFixture.get();
        feedback = new ProcessFeedbackHandler(new FeedbackComposition(f.table, f.ingestion, arn -> Optional.empty(),
                (to, from, text) -> confirmations.add(text), reply -> { },
                new DynamoDbOnce(shared.clients.dynamoDb(), shared.config.tableName(), f.clock), f.clock,
                phone -> {
                    optedIn.add(phone);
                    new SnsSmsOptIns(sns).optIn(phone);
                }));
    }

    @Test
    void aStopFromAnUnknownNumber_refusesEveryLaterTextToIt_untilItTextsStart() {
        String phone = "+15550177001";
        Map<String, Integer> counts = feedback.handleRequest(inbound(phone, "STOP", "inbound-supp-stop-1"), null);
        assertThat(counts).containsEntry("sms.stop.unknown_sender", 1);
        assertThat(confirmations).as("the STOP is confirmed once").hasSize(1);

        // Later a customer gives that number, with marketing consent: still no text of any kind.
        smsCustomer("supp-1", phone);
        DeliveryRequest marketing = f.request("supp-1", "s1", Purpose.MARKETING, List.of(Channel.SMS));
        DeliveryRequest transactional = f.request("supp-1", "s2", Purpose.TRANSACTIONAL, List.of(Channel.SMS));
        assertThat(f.deliver(List.of(marketing, transactional))).isEmpty();

        for (DeliveryRequest request : List.of(marketing, transactional)) {
            LedgerEntry entry = f.entry(request);
            assertThat(entry.status()).isEqualTo(LedgerStatus.FAILED);
            assertThat(entry.attempts()).extracting(Attempt::status).containsExactly(Attempt.Status.FAILED);
        }
        assertThat(provider.taken()).as("nothing reached SNS").isEmpty();

        feedback.handleRequest(inbound(phone, "START", "inbound-supp-start-1"), null);
        assertThat(optedIn).as("SNS is asked to lift its own opt-out").containsExactly(phone);
        DeliveryRequest after = f.request("supp-1", "s3", Purpose.MARKETING, List.of(Channel.SMS));
        f.deliver(List.of(after));
        assertThat(f.entry(after).status()).as("START lifts the suppression").isEqualTo(LedgerStatus.SENT);
        assertThat(provider.taken()).hasSize(1);
    }

    @Test
    void aNumberOnTheSnsOptedOutList_isRefusedBeforePublishing() {
        // moto answers CheckIfPhoneNumberIsOptedOut with true for numbers ending in 99.
        smsCustomer("supp-2", "+15550177099");
        DeliveryRequest request = f.request("supp-2", "s1", Purpose.TRANSACTIONAL, List.of(Channel.SMS));

        assertThat(f.deliver(List.of(request))).isEmpty();

        assertThat(f.entry(request).status()).isEqualTo(LedgerStatus.FAILED);
        assertThat(f.entry(request).decisions()).anySatisfy(d -> assertThat(d.detail()).contains("opted out"));
        assertThat(provider.taken()).isEmpty();
    }

    private void smsCustomer(String customerId, String phone) {
        f.ingest(List.of(
                f.event(customerId, new EventPayload.ProfileUpdated(Optional.empty(), Optional.of(phone),
                        Optional.of("America/New_York"), Optional.of("en-US"), Optional.empty(), Optional.empty())),
                f.event(customerId, new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, true, "web", "v1"))));
    }

    private static SNSEvent inbound(String from, String body, String inboundId) {
        SNSEvent.SNS message = new SNSEvent.SNS();
        message.setMessage("{\"originationNumber\": \"" + from + "\", \"destinationNumber\": \"+15550100100\", "
                + "\"messageKeyword\": \"KEYWORD_123456789012\", \"messageBody\": \"" + body + "\", "
                + "\"inboundMessageId\": \"" + inboundId + "\"}");
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord();
        record.setSns(message);
        SNSEvent event = new SNSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
