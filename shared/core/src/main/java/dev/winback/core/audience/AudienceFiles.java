package dev.winback.core.audience;

import java.time.Instant;
import java.util.List;

/**
 * Where an export's audience goes, in the ad platform's format. Rows arrive a page at a time so an
 * export never holds a whole segment; the manifest is written last, so whoever sees a manifest sees
 * a complete export. Implementations throw only for infrastructure failures.
 */
public interface AudienceFiles {

    Writer open(String segmentId, Instant startedAt);

    interface Writer {

        void add(List<AudienceRow> rows);

        /** Writes what remains and the manifest; the keys of every file written, the manifest last. */
        List<String> finish(AudienceSummary summary);
    }
}
