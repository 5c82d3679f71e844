package dev.winback.core.record;

import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers to interest questions as profile attributes: one register per question, at most 32, in any order. */
class ProfileAttributesTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void anAnswer_becomesTheAttributeOfItsQuestion_andTheRecentListNamesOnlyTheQuestion() {
        EngagementRecord record = apply(answer("e1", 0, "favouriteSport", "trail running"));

        assertThat(record.profile().attributes())
                .containsExactly(Map.entry("favouriteSport", new Stamped<>("trail running", T)));
        assertThat(record.recent()).containsExactly(new RecentEvent("survey_answered", T, "favouriteSport"));
    }

    @Test
    void theLatestAnswerWins_whicheverArrivesLast() {
        EngagementEvent earlier = answer("e1", 0, "size", "M");
        EngagementEvent later = answer("e2", 60, "size", "L");

        assertThat(apply(earlier, later).profile().attributes()).containsEntry("size", new Stamped<>("L", T.plusSeconds(60)));
        assertThat(apply(later, earlier).profile().attributes()).containsEntry("size", new Stamped<>("L", T.plusSeconds(60)));
    }

    @Test
    void twoAnswersAtTheSameInstant_keepTheGreaterValue_inEitherOrder() {
        EngagementEvent a = answer("e1", 0, "size", "L");
        EngagementEvent b = answer("e2", 0, "size", "M");

        assertThat(apply(a, b).profile().attributes()).containsEntry("size", new Stamped<>("M", T));
        assertThat(apply(b, a).profile().attributes()).containsEntry("size", new Stamped<>("M", T));
    }

    @Test
    void answers_leaveTheContactFieldsAlone_andProfileUpdatesLeaveTheAnswersAlone() {
        EngagementRecord record = apply(
                answer("e1", 0, "favouriteSport", "tennis"),
                new EngagementEvent("e2", "c-1", T.plusSeconds(5), Optional.empty(), new EventPayload.ProfileUpdated(
                        Optional.of("ana@example.com"), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty())));

        assertThat(record.profile().email()).isEqualTo(new Stamped<>("ana@example.com", T.plusSeconds(5)));
        assertThat(record.profile().attributes()).containsOnlyKeys("favouriteSport");
    }

    @Test
    void overTheBound_theMostRecentlyAnsweredAreKept_andAtOneInstantTheFirstNames() {
        List<EngagementEvent> events = new ArrayList<>();
        // q00..q39 answered at T+0..T+39, then q50..q54 all at T+100.
        for (int i = 0; i < 40; i++) events.add(answer("a" + i, i, String.format("q%02d", i), "x"));
        for (int i = 50; i < 55; i++) events.add(answer("b" + i, 100, "q" + i, "y"));

        Map<String, Stamped<String>> attributes = apply(events.toArray(EngagementEvent[]::new)).profile().attributes();

        assertThat(attributes).hasSize(ProfileAttributes.MAX);
        // 5 at T+100 and the 27 latest of the rest: q13..q39.
        assertThat(attributes).containsKeys("q50", "q51", "q52", "q53", "q54", "q13", "q39")
                .doesNotContainKeys("q00", "q12");
        // With 33 all at the same instant, the alphabetically last one goes.
        List<EngagementEvent> tied = new ArrayList<>();
        for (int i = 0; i < 33; i++) tied.add(answer("t" + i, 0, String.format("q%02d", i), "z"));
        assertThat(apply(tied.toArray(EngagementEvent[]::new)).profile().attributes())
                .hasSize(ProfileAttributes.MAX).doesNotContainKey("q32");
    }

    @Test
    void anOlderAnswerToADroppedQuestion_doesNotComeBack() {
        List<EngagementEvent> events = new ArrayList<>();
        for (int i = 0; i < 33; i++) events.add(answer("a" + i, 10 + i, "q" + i, "x"));
        EngagementRecord full = apply(events.toArray(EngagementEvent[]::new));
        assertThat(full.profile().attributes()).doesNotContainKey("q0");

        EngagementRecord after = RecordUpdate.apply(full, List.of(answer("late", 0, "q0", "older")), Map.of()).record();

        assertThat(after.profile().attributes()).isEqualTo(full.profile().attributes());
    }

    @Test
    void randomAnswers_inAnyOrder_giveTheSameAttributes_asTheRuleComputedDirectly() {
        Random random = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            List<EngagementEvent> events = new ArrayList<>();
            int count = 20 + random.nextInt(120);
            for (int i = 0; i < count; i++) {
                // Few instants and few answers, so that ties of both kinds are common.
                events.add(answer("e" + trial + "-" + i, random.nextInt(30), "q" + random.nextInt(60),
                        "a" + random.nextInt(4)));
            }
            Map<String, Stamped<String>> expected = expectedAttributes(events);
            for (int order = 0; order < 10; order++) {
                List<EngagementEvent> shuffled = new ArrayList<>(events);
                Collections.shuffle(shuffled, random);
                assertThat(apply(shuffled.toArray(EngagementEvent[]::new)).profile().attributes())
                        .as("trial %d, order %d", trial, order).isEqualTo(expected);
            }
        }
    }

    /** The rule stated plainly: each question's latest answer (greater value on a tie), then the 32 latest of those. */
    private static Map<String, Stamped<String>> expectedAttributes(List<EngagementEvent> events) {
        Map<String, Stamped<String>> winners = new HashMap<>();
        for (EngagementEvent event : events) {
            EventPayload.SurveyAnswered answer = (EventPayload.SurveyAnswered) event.payload();
            Stamped<String> candidate = new Stamped<>(answer.answer(), event.occurredAt());
            winners.merge(answer.question(), candidate, (a, b) -> {
                int byTime = a.at().compareTo(b.at());
                if (byTime != 0) return byTime > 0 ? a : b;
                return a.value().compareTo(b.value()) >= 0 ? a : b;
            });
        }
        List<Map.Entry<String, Stamped<String>>> ranked = new ArrayList<>(winners.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Stamped<String>>, Instant>comparing(e -> e.getValue().at()).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<String, Stamped<String>> kept = new HashMap<>();
        ranked.stream().limit(32).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    private static EngagementRecord apply(EngagementEvent... events) {
        return RecordUpdate.apply(EngagementRecord.empty("c-1"), List.of(events), Map.of()).record();
    }

    private static EngagementEvent answer(String id, int seconds, String question, String answer) {
        return new EngagementEvent(id, "c-1", T.plusSeconds(seconds), Optional.empty(),
                new EventPayload.SurveyAnswered(question, answer));
    }
}
