package dev.winback.core.signal;

import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.core.RandomEvents;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.model.BgNbdModel;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;

import dev.winback.core.record.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalDetectorTest {

    private static final SignalPolicy POLICY = SignalPolicy.defaults();
    private static final PurchaseModel MODEL = new BgNbdModel(BgNbdParameters.defaults());

    @Test
    void detect_ordersSignalsByTypeThenSubject() {
        EngagementRecord record = customer("many")
                .visits(Platform.APP, day(0), Duration.ofDays(1), 10)
                .installed(day(0)).pushPermission(true, day(0)).pushPermission(false, day(1))
                .membership("silver", MembershipStatus.CANCELLED, day(2))
                .email(EmailStatus.COMPLAINED, day(3))
                .uninstalled(day(9))
                .purchase(day(0))
                .record();

        List<Signal> signals = SignalDetector.detect(record, day(300), POLICY, MODEL);

        assertThat(signals).extracting(Signal::type).containsExactly(SignalType.PURCHASE_LAPSE, SignalType.LAPSED,
                SignalType.PUSH_OPT_OUT, SignalType.EMAIL_WITHDRAWN, SignalType.MEMBERSHIP_CANCELLED,
                SignalType.APP_UNINSTALLED);
    }

    @Test
    void detect_onceTheTwoSignalsOfATypeDiffer_ordersThemByChannel() {
        EngagementRecord record = customer("two-channels")
                .visits(Platform.WEB, day(0), Duration.ofDays(1), 30)
                .sends(Channel.SMS, day(1), Duration.ofDays(1), 9)
                .sends(Channel.EMAIL, day(1), Duration.ofDays(1), 9)
                .sent(Channel.PUSH, day(20))
                .record();

        assertThat(SignalDetector.detect(record, day(30), POLICY, MODEL)).extracting(Signal::subject)
                .containsExactly("email", "sms");
    }

    @Test
    void detect_explanationsCarryNoContactDetails() {
        RandomEvents random = new RandomEvents(7, day(0), Duration.ofDays(400));
        for (int i = 0; i < 150; i++) {
            String id = "c" + i;
            List<EngagementEvent> events = new ArrayList<>(random.forCustomer(id, 80));
            events.addAll(customer(id).contact("someone@example.org", "+34600111222", "arn:endpoint/secret", day(1)).events());
            EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty(id), events, Map.of()).record();
            Instant now = day(400 + i);

            for (Signal signal : SignalDetector.detect(record, now, POLICY, MODEL)) {
                assertThat(signal.explanation()).doesNotContain("@", "+34", "+1555", "endpoint", "example");
            }
        }
    }
}
