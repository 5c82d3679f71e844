package dev.winback.core.evaluation;

import dev.winback.core.event.Platform;
import dev.winback.core.model.PurchaseModel;
import dev.winback.core.model.PurchaseModels;
import dev.winback.core.model.StoredPurchaseModel;
import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.evaluation.TestPolicy.MODEL;
import static dev.winback.core.evaluation.TestPolicy.POLICY;
import static dev.winback.core.signal.CustomerEvents.customer;
import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

class ShowCustomerTest {

    private final Map<String, StoredRecord> stored = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void aStoredCustomer_isShownWithTheEvaluationWordedAgain() {
        EngagementRecord record = evaluated("shown");
        stored.put("shown", new StoredRecord(record, 3));

        ShowCustomer.Shown shown = show(() -> MODEL).show("shown").orElseThrow();

        assertThat(shown.record()).isEqualTo(record);
        assertThat(shown.words()).isEqualTo(EvaluationReport.of(record, POLICY, MODEL));
        assertThat(shown.words()).isPresent();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCustomerNeverStored_orErased_isNotShown() {
        stored.put("erased", StoredRecord.erased("erased"));

        assertThat(show(() -> MODEL).show("unknown")).isEmpty();
        assertThat(show(() -> MODEL).show("erased")).isEmpty();
    }

    @Test
    void whenTheWordingFails_theRecordIsStillShown_andAWarningSaysWhy() {
        EngagementRecord record = evaluated("unworded");
        stored.put("unworded", new StoredRecord(record, 1));

        ShowCustomer.Shown shown = show(() -> {
            throw new IllegalStateException("no model");
        }).show("unworded").orElseThrow();

        assertThat(shown.record()).isEqualTo(record);
        assertThat(shown.words()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("without explanations");
    }

    private static EngagementRecord evaluated(String id) {
        EngagementRecord record = customer(id).visits(Platform.APP, day(0), Duration.ofDays(6), 11).record();
        return record.withEvaluation(Evaluator.evaluate(record, day(85), POLICY, MODEL).evaluation());
    }

    private ShowCustomer show(java.util.function.Supplier<PurchaseModel> current) {
        PurchaseModels models = new PurchaseModels() {
            @Override
            public PurchaseModel current() {
                return current.get();
            }

            @Override
            public void store(StoredPurchaseModel model) {
                throw new UnsupportedOperationException();
            }
        };
        return new ShowCustomer(new ReadOnlyStore(), POLICY, models, (message, cause) -> warnings.add(message));
    }

    /** The records of this test, as a store that only reads. */
    private final class ReadOnlyStore implements EngagementStore {

        @Override
        public Map<String, StoredRecord> load(Collection<String> customerIds) {
            Map<String, StoredRecord> found = new HashMap<>();
            customerIds.forEach(id -> found.put(id, stored.getOrDefault(id, StoredRecord.absent(id))));
            return found;
        }

        @Override
        public Map<YearMonth, ArchivedMonth> loadArchive(String customerId) {
            return Map.of();
        }

        @Override
        public boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm) {
            throw new UnsupportedOperationException("showing a customer writes nothing");
        }
    }
}
