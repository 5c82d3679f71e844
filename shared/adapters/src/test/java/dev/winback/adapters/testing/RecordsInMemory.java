package dev.winback.adapters.testing;

import dev.winback.core.record.ArchivedMonth;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.StoredRecord;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Given records served read-only, for code that only reads them (an audience export); others are absent. */
public final class RecordsInMemory implements EngagementStore {

    private final Map<String, StoredRecord> records;

    public RecordsInMemory(Map<String, StoredRecord> records) {
        this.records = Map.copyOf(records);
    }

    @Override
    public Map<String, StoredRecord> load(Collection<String> customerIds) {
        Map<String, StoredRecord> out = new LinkedHashMap<>();
        for (String id : customerIds) out.put(id, records.getOrDefault(id, StoredRecord.absent(id)));
        return out;
    }

    @Override
    public Map<YearMonth, ArchivedMonth> loadArchive(String customerId) {
        return Map.of();
    }

    @Override
    public boolean save(StoredRecord previous, RecordUpdate.Result update, Optional<Instant> arm) {
        throw new UnsupportedOperationException("these records are read-only");
    }
}
