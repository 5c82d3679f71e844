package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.record.RecordUpdate;
import dev.winback.core.record.Stamped;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Profile attributes (answers to interest questions) in the stored shape and in the API's. */
class StoredRecordJsonAttributesTest {

    private static final Instant AT = Instant.parse("2026-11-28T19:41:10Z");

    private final EngagementRecord record = RecordUpdate.apply(EngagementRecord.empty("c-1"), List.of(
            event("e1", AT, new EventPayload.SurveyAnswered("favouriteSport", "trail running")),
            event("e2", AT.plusSeconds(30), new EventPayload.SurveyAnswered("shoeSize", "42")),
            event("e3", AT.plusSeconds(60), new EventPayload.ReviewSubmitted(Optional.empty(), Optional.of("SHOE-RUN-42"), 5)),
            event("e4", AT.plusSeconds(90), new EventPayload.ProfileUpdated(Optional.of("ana@example.com"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))), Map.of()).record();

    @Test
    void attributesSurviveTheStoredShape() {
        EngagementRecord read = StoredRecordJson.fromBytes(StoredRecordJson.toBytes(record));

        assertThat(read).isEqualTo(record);
        assertThat(read.profile().attributes()).containsOnly(
                Map.entry("favouriteSport", new Stamped<>("trail running", AT)),
                Map.entry("shoeSize", new Stamped<>("42", AT.plusSeconds(30))));
    }

    @Test
    void aRecordWrittenBeforeAttributes_readsWithNone() throws Exception {
        ObjectNode stored = (ObjectNode) new ObjectMapper().readTree(StoredRecordJson.toBytes(record));
        ((ObjectNode) stored.get("profile")).remove("attributes");

        EngagementRecord read = StoredRecordJson.read(stored);

        assertThat(read.profile().attributes()).isEmpty();
        assertThat(read.profile().email()).isEqualTo(record.profile().email());
    }

    @Test
    void aProfileWithoutAttributes_writesNone() {
        String json = new String(StoredRecordJson.toBytes(EngagementRecord.empty("c-2")));
        assertThat(json).doesNotContain("attributes");
    }

    @Test
    void theApiShowsEachAttributeWithItsTime_byName_andTheReviewOnlyInTheRecentList() throws Exception {
        JsonNode view = new ObjectMapper().readTree(CustomerView.toBytes(record));

        JsonNode attributes = view.at("/profile/attributes");
        assertThat(attributes.at("/favouriteSport/value").asText()).isEqualTo("trail running");
        assertThat(attributes.at("/favouriteSport/at").asText()).isEqualTo("2026-11-28T19:41:10Z");
        assertThat(attributes.at("/shoeSize/value").asText()).isEqualTo("42");
        assertThat(List.copyOf(iterable(attributes))).containsExactly("favouriteSport", "shoeSize");
        assertThat(view.at("/recent/1/type").asText()).isEqualTo("review_submitted");
        assertThat(view.at("/recent/1/detail").asText()).isEqualTo("5");
        assertThat(view.at("/recent/2/detail").asText()).as("the question, never the answer").isEqualTo("shoeSize");
    }

    private static List<String> iterable(JsonNode object) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static EngagementEvent event(String id, Instant at, EventPayload payload) {
        return new EngagementEvent(id, "c-1", at, Optional.empty(), payload);
    }
}
