package dev.winback.core.settings;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.delivery.MutableClock;
import dev.winback.core.delivery.ChannelPlans;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.delivery.FrequencyCap;
import dev.winback.core.delivery.PlaybookPlans;
import dev.winback.core.evaluation.EvaluationPolicy;
import dev.winback.core.observe.Warnings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrentPoliciesTest {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final InMemoryDocumentVersions playbooks = new InMemoryDocumentVersions();
    private final InMemoryDocumentVersions settings = new InMemoryDocumentVersions();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    private final List<String> warnings = new ArrayList<>();
    private final CurrentPolicies current = new CurrentPolicies(playbooks, TestDocuments.PLAYBOOKS,
            TestDocuments.playbook(1), settings, TestDocuments.SETTINGS, Settings.defaults(), DeliveryPolicy.defaults(),
            ElapsedTime.following(clock), REFRESH, recording());

    @Test
    void withNothingStored_theShippedPlaybookAndSettingsRun_asTheDefaultsDid() {
        assertThat(current.evaluation()).isEqualTo(EvaluationPolicy.defaults(TestDocuments.playbook(1)));
        assertThat(current.delivery()).isEqualTo(DeliveryPolicy.defaults()
                .withPlans(PlaybookPlans.of(TestDocuments.playbook(1), ChannelPlans.DEFAULT)));
    }

    @Test
    void anActivation_runsFromTheNextReadAfterTheRefresh_orAtOnceWhenToldToReadAgain() {
        current.delivery();
        settings.activate(settings.put("cap:5"));
        playbooks.activate(playbooks.put("playbook:2"));

        clock.advance(REFRESH.minusSeconds(1));
        assertThat(current.delivery().globalCaps()).isEqualTo(DeliveryPolicy.defaults().globalCaps());
        assertThat(current.evaluation().playbook().version().revision()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(current.delivery().globalCaps()).containsExactly(new FrequencyCap(5, Duration.ofDays(1)));
        assertThat(current.evaluation().playbook().version().revision()).isEqualTo(2);

        settings.activate(settings.put("cap:7"));
        current.refreshNow();
        assertThat(current.delivery().globalCaps()).containsExactly(new FrequencyCap(7, Duration.ofDays(1)));
    }

    @Test
    void theStoreIsReadAtMostOncePerRefresh() {
        current.delivery();
        int reads = settings.reads;
        for (int i = 0; i < 10; i++) current.evaluation();
        assertThat(settings.reads).isEqualTo(reads);
        clock.advance(REFRESH);
        current.evaluation();
        assertThat(settings.reads).isGreaterThan(reads);
    }

    @Test
    void beforeAFirstRead_nothingRuns_onDefaultsThatCouldLiftAnOperatorsCap() {
        settings.failing = true;
        assertThatThrownBy(current::delivery).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(current::evaluation).isInstanceOf(IllegalStateException.class);

        settings.failing = false;
        settings.activate(settings.put("cap:1"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(current.delivery().globalCaps()).containsExactly(new FrequencyCap(1, Duration.ofDays(1)));
    }

    @Test
    void whenTheStoreFailsLater_whatWasReadKeepsRunning_withAWarning() {
        settings.activate(settings.put("cap:2"));
        assertThat(current.delivery().globalCaps()).containsExactly(new FrequencyCap(2, Duration.ofDays(1)));

        settings.failing = true;
        clock.advance(REFRESH);
        assertThat(current.delivery().globalCaps()).containsExactly(new FrequencyCap(2, Duration.ofDays(1)));
        assertThat(warnings).singleElement().asString().contains("keep running");
    }

    @Test
    void anUnreadableStoredVersion_isSkipped_andTheVersionBeforeItKeepsRunning() {
        settings.activate(settings.put("cap:2"));
        current.delivery();
        settings.activate(settings.putUnchecked("hand edited"));
        clock.advance(REFRESH);

        assertThat(current.delivery().globalCaps()).containsExactly(new FrequencyCap(2, Duration.ofDays(1)));
        assertThat(warnings).singleElement().asString().contains("settings version 2 is unreadable");
    }

    private Warnings recording() {
        return (message, cause) -> warnings.add(message);
    }
}
