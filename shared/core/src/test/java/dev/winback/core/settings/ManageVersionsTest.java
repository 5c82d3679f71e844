package dev.winback.core.settings;

import dev.winback.core.journey.Checked;
import dev.winback.core.journey.JourneyProblem;
import dev.winback.core.journey.ManageJourneys.Activation;
import dev.winback.core.journey.SubmittedVersion;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ManageVersionsTest {

    private final InMemoryDocumentVersions versions = new InMemoryDocumentVersions();
    private final AtomicInteger changes = new AtomicInteger();
    private final ManageVersions<Settings> manage = new ManageVersions<>(versions, TestDocuments.SETTINGS,
            new ShippedDocument<>("cap:1", TestDocuments.dailyCap(1)), changes::incrementAndGet);

    @Test
    void theShippedDocumentRuns_untilAStoredVersionIsActivated() {
        assertThat(manage.current()).isEqualTo(new ManageVersions.Shown(0, 0, "cap:1"));
        assertThat(manage.show(0)).contains("cap:1");
    }

    @Test
    void anInvalidText_isRefusedWithEveryProblem_andNothingIsStored() {
        SubmittedVersion submitted = manage.submit("caps two");

        assertThat(submitted).isEqualTo(new SubmittedVersion.Refused(java.util.List.of(
                new JourneyProblem("caps", "is not a document"), new JourneyProblem("two", "is not a document"))));
        assertThat(versions.latest()).isZero();
        assertThat(manage.validate("caps two")).isInstanceOf(Checked.Invalid.class);
        assertThat(manage.validate("cap:2")).isInstanceOf(Checked.Valid.class);
        assertThat(changes).hasValue(0);
    }

    @Test
    void storing_doesNotActivate_activating_runsIt_andRollingBack_returnsToTheVersionBefore() {
        int two = ((SubmittedVersion.Stored) manage.submit("cap:2")).version();
        int three = ((SubmittedVersion.Stored) manage.submit("cap:3")).version();
        assertThat(manage.current().active()).isZero();

        assertThat(manage.activate(two)).isEqualTo(Activation.ACTIVATED);
        assertThat(manage.activate(three)).isEqualTo(Activation.ACTIVATED);
        assertThat(manage.current()).isEqualTo(new ManageVersions.Shown(three, 2, "cap:3"));

        assertThat(manage.rollback()).isTrue();
        assertThat(manage.current().text()).isEqualTo("cap:2");
        assertThat(manage.rollback()).as("the first activation undone").isTrue();
        assertThat(manage.current()).isEqualTo(new ManageVersions.Shown(0, 2, "cap:1"));
        assertThat(changes).hasValue(4);
    }

    @Test
    void withNothingEverActivated_thereIsNothingToRollBack() {
        manage.submit("cap:2");

        assertThat(manage.rollback()).isFalse();
        assertThat(changes).hasValue(0);
    }

    @Test
    void versionZero_returnsToTheShippedDocument_andAMissingVersion_isNotFound() {
        manage.activate(((SubmittedVersion.Stored) manage.submit("cap:2")).version());

        assertThat(manage.activate(0)).isEqualTo(Activation.ACTIVATED);
        assertThat(manage.current().text()).isEqualTo("cap:1");
        assertThat(manage.activate(9)).isEqualTo(Activation.NO_SUCH_VERSION);
        assertThat(manage.rollback()).isTrue();
        assertThat(manage.current().text()).isEqualTo("cap:2");
    }

    @Test
    void aStoredVersionThatNoLongerReads_isNotActivated() {
        int edited = versions.putUnchecked("hand edited");

        assertThat(manage.activate(edited)).isEqualTo(Activation.UNREADABLE);
        assertThat(manage.current().active()).isZero();
    }
}
