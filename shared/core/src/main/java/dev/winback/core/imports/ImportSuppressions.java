package dev.winback.core.imports;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.feedback.ContactOwners;
import dev.winback.core.record.ConsentGrant;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.Stamped;
import dev.winback.core.record.StoredRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the rows of a suppression or consent list into import lines, so that nobody who opted out
 * elsewhere is messaged: a row becomes a {@code consent_changed} (source {@code suppression-import})
 * for every customer holding the address (found through the contact index), and an address no
 * customer holds goes on the channel's suppression list, which delivery honours whoever gives the
 * address later. A grant (only with its date and evidence) needs a customer: nothing keeps it otherwise.
 *
 * <p>Re-importing changes nothing: dated rows get the same event ids (duplicates); an undated
 * withdrawal, dated by the import, is left out when the record already has that consent withdrawn,
 * and an address already suppressed is not written again.
 */
public final class ImportSuppressions {

    public static final String SOURCE = "suppression-import";
    static final String WORDING = "suppression-list";
    private static final String ID_SOURCE = "suppression";

    private final ContactOwners owners;
    private final EngagementStore records;
    private final SuppressionList suppressions;
    private final Clock clock;

    public ImportSuppressions(ContactOwners owners, EngagementStore records, SuppressionList suppressions, Clock clock) {
        this.owners = owners;
        this.records = records;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    public Iterator<ImportLine> lines(Iterator<? extends SuppressionListLine> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ImportLine next() {
                return switch (rows.next()) {
                    case SuppressionRow row -> line(row);
                    case SuppressionListLine.Decided decided -> decided.line();
                };
            }
        };
    }

    ImportLine line(SuppressionRow row) {
        List<String> holders = switch (row.channel()) {
            case EMAIL -> owners.ownersOfEmail(row.address());
            case SMS -> owners.ownersOfPhone(row.address());
            case PUSH, IN_APP, WEBHOOK -> throw new IllegalArgumentException("no address list for " + row.channel());
        };
        if (holders.isEmpty()) {
            if (row.granted()) {
                return new ImportLine.Mapped(row.line(), List.of(), List.of(new LineProblem(row.line(),
                        "status: a grant for an address no customer holds is not kept")));
            }
            if (suppressions.suppressed(row.channel(), row.address())) return new ImportLine.Mapped(row.line(), List.of(), List.of());
            suppressions.suppress(row.channel(), row.address(), clock.instant());
            return new ImportLine.Mapped(row.line(), List.of(), List.of(), 1);
        }
        Instant at = row.date().orElseGet(clock::instant);
        Map<String, StoredRecord> current = row.date().isPresent() ? Map.of() : records.load(holders);
        List<ImportedEvent> events = new ArrayList<>();
        for (String customerId : holders) {
            if (row.date().isEmpty() && alreadyWithdrawn(current.get(customerId), row)) continue;
            EventPayload.ConsentChanged consent = new EventPayload.ConsentChanged(row.channel(), row.purpose(),
                    row.granted(), SOURCE, WORDING, row.messageId(), row.ipAddress());
            String id = ImportIds.of(ID_SOURCE, customerId, row.channel().wireName(), row.purpose().wireName(),
                    Boolean.toString(row.granted()), at.toString());
            events.add(new ImportedEvent(row.granted() ? ImportKind.GRANT : ImportKind.OPT_OUT,
                    new EngagementEvent(id, customerId, at, Optional.empty(), consent)));
        }
        return new ImportLine.Mapped(row.line(), events, List.of());
    }

    private static boolean alreadyWithdrawn(StoredRecord stored, SuppressionRow row) {
        if (stored == null) return false;
        Stamped<ConsentGrant> consent = stored.record().channel(row.channel()).consent().get(row.purpose());
        return consent != null && !consent.value().granted();
    }
}
