package dev.winback.core.journey;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' catalog: stored versions, activation, roll-back, and nothing invalid in between. */
class ManageCatalogTest {

    /** Versions in memory, with the history of activations a roll-back walks back. */
    private static final class InMemoryCatalogVersions implements CatalogVersions {
        final List<String> texts = new ArrayList<>();
        final Deque<Optional<Integer>> history = new ArrayDeque<>();
        Optional<Integer> active = Optional.empty();

        public int latest() {
            return texts.size();
        }

        public int put(String json) {
            texts.add(json);
            return texts.size();
        }

        public Optional<String> version(int version) {
            return version >= 1 && version <= texts.size() ? Optional.of(texts.get(version - 1)) : Optional.empty();
        }

        public boolean activate(int version) {
            if (version(version).isEmpty()) return false;
            history.push(active);
            active = Optional.of(version);
            return true;
        }

        public Optional<Integer> active() {
            return active;
        }

        public boolean rollback() {
            if (history.isEmpty()) return false;
            active = history.pop();
            return true;
        }

        public void deactivate() {
            history.push(active);
            active = Optional.empty();
        }
    }

    /** A catalog written as the product ids separated by commas; "bad" anywhere is a problem. */
    private static final JourneyFormat FORMAT = new JourneyFormat() {
        public Checked<JourneyDefinition> definition(String text) {
            throw new UnsupportedOperationException();
        }

        public Checked<ProductCatalog> catalog(String text) {
            if (text.contains("bad")) return new Checked.Invalid<>(List.of(new JourneyProblem("products[0]", "is bad")));
            return new Checked.Valid<>(ProductCatalog.of(1, List.of(text.split(",")).stream()
                    .map(id -> new Product(id, "things", Optional.of(Duration.ofDays(30)), List.of(), "low")).toList()));
        }

        public String write(JourneyDefinition definition) {
            throw new UnsupportedOperationException();
        }
    };

    private static final ProductCatalog SHIPPED = ProductCatalog.of(0, List.of(
            new Product("shipped", "things", Optional.empty(), List.of(), "mid")));

    private final InMemoryCatalogVersions versions = new InMemoryCatalogVersions();
    private int changes;
    private final ManageCatalog manage = new ManageCatalog(versions, FORMAT, SHIPPED, () -> changes++);

    @Test
    void theShippedCatalogRuns_untilAStoredVersionIsActivated() {
        assertThat(manage.current()).isEqualTo(new ManageCatalog.Shown(Optional.empty(), 0, SHIPPED));

        assertThat(manage.submit("a,b")).isEqualTo(new SubmittedVersion.Stored(1));
        assertThat(manage.current().catalog()).isEqualTo(SHIPPED);
        assertThat(changes).isZero();

        assertThat(manage.activate(1)).isEqualTo(ManageJourneys.Activation.ACTIVATED);
        ManageCatalog.Shown shown = manage.current();
        assertThat(shown.active()).contains(1);
        assertThat(shown.catalog().version()).isEqualTo(1);
        assertThat(shown.catalog().products()).containsOnlyKeys("a", "b");
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void anInvalidCatalogIsRefusedWithItsProblems_andNothingIsStored() {
        SubmittedVersion refused = manage.submit("a,bad");

        assertThat(refused).isEqualTo(new SubmittedVersion.Refused(List.of(
                new JourneyProblem("products[0]", "is bad"))));
        assertThat(versions.latest()).isZero();
    }

    @Test
    void activatingAMissingOrUnreadableVersion_changesNothing() {
        versions.put("bad");

        assertThat(manage.activate(2)).isEqualTo(ManageJourneys.Activation.NO_SUCH_VERSION);
        assertThat(manage.activate(1)).isEqualTo(ManageJourneys.Activation.UNREADABLE);
        assertThat(versions.active()).isEmpty();
        assertThat(changes).isZero();
    }

    @Test
    void rollbackReturnsToTheVersionBefore_andSaysWhenThereIsNone() {
        assertThat(manage.rollback()).isFalse();
        manage.submit("a");
        manage.submit("b");
        manage.activate(1);
        manage.activate(2);

        assertThat(manage.rollback()).isTrue();
        assertThat(manage.current().active()).contains(1);
        assertThat(manage.rollback()).isTrue();
        assertThat(manage.current().catalog()).isEqualTo(SHIPPED);
        assertThat(manage.rollback()).isFalse();
    }
}
