package dev.winback.adapters.dynamodb;

import dev.winback.core.cache.ElapsedTime;
import dev.winback.core.model.BgNbdParameters;
import dev.winback.core.model.PurchaseModelType;
import dev.winback.core.model.StoredPurchaseModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The fitted purchase model against DynamoDB Local, as the core's PurchaseModels port sees it. */
class DynamoDbPurchaseModelsIT {

    private static final Instant AT = Instant.parse("2026-11-20T03:00:00Z");

    private final LocalTable table = LocalTable.create();
    private final MovableClock clock = new MovableClock(AT);

    private DynamoDbPurchaseModels models() {
        return new DynamoDbPurchaseModels(table.client(), table.name(), new CapacityMeter(), ElapsedTime.following(clock),
                Duration.ofMinutes(5));
    }

    @Test
    void withoutAStoredFit_theModelIsTheDefault() {
        assertThat(models().find()).isEmpty();
        assertThat(models().current()).isEqualTo(DynamoDbPurchaseModels.DEFAULT);
    }

    @Test
    void aStoredFit_roundTrips() {
        StoredPurchaseModel fit = new StoredPurchaseModel(PurchaseModelType.MBG_NBD,
                new BgNbdParameters(0.243, 4.414, 0.793, 2.426), AT, 2_357, -9_582.43, Optional.empty());
        StoredPurchaseModel fallback = new StoredPurchaseModel(PurchaseModelType.BG_NBD, BgNbdParameters.defaults(),
                AT.plusSeconds(86_400), 12, 0.0, Optional.of("too few repeat customers"));

        models().store(fit);
        assertThat(models().find()).contains(fit);
        assertThat(models().current()).isEqualTo(fit.model());

        models().store(fallback);
        assertThat(models().find()).contains(fallback);
    }

    @Test
    void anotherWritersFit_isReadOnceTheRefreshHasPassed() {
        DynamoDbPurchaseModels reader = models();
        assertThat(reader.current()).isEqualTo(DynamoDbPurchaseModels.DEFAULT);
        StoredPurchaseModel fit = new StoredPurchaseModel(PurchaseModelType.BG_NBD,
                new BgNbdParameters(0.5, 3.0, 0.7, 2.0), AT, 500, -1_000.0, Optional.empty());

        models().store(fit);

        assertThat(reader.current()).isEqualTo(DynamoDbPurchaseModels.DEFAULT);
        clock.advance(Duration.ofMinutes(5));
        assertThat(reader.current()).isEqualTo(fit.model());
    }

    /** A clock the test moves forward by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
