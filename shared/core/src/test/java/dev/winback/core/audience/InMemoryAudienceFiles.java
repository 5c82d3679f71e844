package dev.winback.core.audience;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps what an export wrote: the appends as they came and the summary it finished with. */
final class InMemoryAudienceFiles implements AudienceFiles {

    final List<List<AudienceRow>> appends = new ArrayList<>();
    AudienceSummary finished;

    @Override
    public Writer open(String segmentId, Instant startedAt) {
        return new Writer() {
            @Override
            public void add(List<AudienceRow> rows) {
                appends.add(List.copyOf(rows));
            }

            @Override
            public List<String> finish(AudienceSummary summary) {
                finished = summary;
                return List.of("audiences/" + segmentId + "/meta.csv", "audiences/" + segmentId + "/manifest.json");
            }
        };
    }

    List<AudienceRow> rows() {
        return appends.stream().flatMap(List::stream).toList();
    }
}
