package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.DynamoDbEngagementStore;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.record.RecordUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrimingSampleTest {

    @Test
    void everySampleEventParses_underTheIdNoCustomerCanHave() {
        assertThat(PrimingSample.events()).as("a sample the parser refused would prime nothing, silently")
                .hasSameSizeAs(PrimingSample.EVENTS)
                .extracting(EngagementEvent::customerId).containsOnly(EngagementTable.PRIMING_CUSTOMER);
    }

    @Test
    void theSampleRecordHoldsWhatTheEventsSay() {
        RecordUpdate.Result applied = PrimingSample.applied();
        assertThat(applied.outcomes()).containsOnly(RecordUpdate.Outcome.APPLIED);
        assertThat(applied.record().customerId()).isEqualTo(EngagementTable.PRIMING_CUSTOMER);
    }

    @Test
    void theSampleRecordComesBackWhole_throughTheStoredFormPrimingDecodes() {
        // Priming decodes this record as a read that finds one would; a record the codec dropped
        // parts of would leave the readers of those parts unprimed.
        var record = PrimingSample.applied().record();
        assertThat(DynamoDbEngagementStore.throughStoredForm(record)).isEqualTo(record);
    }
}
