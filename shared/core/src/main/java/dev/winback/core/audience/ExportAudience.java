package dev.winback.core.audience;

import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.segment.MemberPage;
import dev.winback.core.segment.SegmentMembers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports a segment as an ad audience: reads its members a page at a time, loads their records in
 * the same pages, keeps those {@link AdvertisingConsent} lets in and hands their hashed addresses to
 * the {@link AudienceFiles}. Costs in proportion to the members: one member page, one batch load and
 * one file append per page.
 */
public final class ExportAudience {

    /** Members per page: one batch load of records each. */
    public static final int PAGE = 100;

    private final SegmentMembers members;
    private final EngagementStore store;
    private final AudienceFiles files;
    private final Clock clock;

    public ExportAudience(SegmentMembers members, EngagementStore store, AudienceFiles files, Clock clock) {
        this.members = members;
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    /**
     * Before a snapshot of the function: an export's reads and consent decision without its files.
     * The first page of members of a segment no one has, the records of {@code unknownId} (a customer
     * no one is), and the advertising consent decided for {@code sample}. No file is written.
     */
    public void prime(String unknownId, EngagementRecord sample) {
        members.page(unknownId, Optional.empty(), PAGE);
        store.load(List.of(unknownId));
        AdvertisingConsent.decide(new StoredRecord(sample, 1));
    }

    public AudienceExport export(String segmentId, Optional<Integer> definitionVersion) {
        Instant startedAt = clock.instant();
        AudienceFiles.Writer writer = files.open(segmentId, startedAt);
        Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        long seen = 0;
        long exported = 0;
        long emails = 0;
        long phones = 0;
        Optional<String> after = Optional.empty();
        do {
            MemberPage page = members.page(segmentId, after, PAGE);
            Map<String, StoredRecord> loaded = page.customerIds().isEmpty() ? Map.of()
                    : store.load(page.customerIds());
            List<AudienceRow> rows = new ArrayList<>(page.customerIds().size());
            for (String customerId : page.customerIds()) {
                seen++;
                StoredRecord stored = loaded.getOrDefault(customerId, StoredRecord.absent(customerId));
                switch (AdvertisingConsent.decide(stored)) {
                    case AdvertisingConsent.Decision.Included included -> {
                        rows.add(included.row());
                        exported++;
                        if (included.row().emailSha256().isPresent()) emails++;
                        if (included.row().phoneSha256().isPresent()) phones++;
                    }
                    case AdvertisingConsent.Decision.Skipped skip -> skipped.merge(skip.reason(), 1L, Long::sum);
                }
            }
            if (!rows.isEmpty()) writer.add(rows);
            after = page.next();
        } while (after.isPresent());
        AudienceSummary summary = new AudienceSummary(segmentId, definitionVersion, seen, exported, emails, phones,
                skipped, startedAt, clock.instant());
        return new AudienceExport(summary, writer.finish(summary));
    }
}
