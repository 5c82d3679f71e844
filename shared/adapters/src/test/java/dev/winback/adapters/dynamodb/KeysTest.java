package dev.winback.adapters.dynamodb;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {

    @Test
    void dueAt_isWholeSecondsRoundedUp_andSortsAsTimeDoes() {
        assertThat(Keys.dueAt(Instant.parse("2026-11-23T10:15:30Z"))).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(Keys.dueAt(Instant.parse("2026-11-23T10:15:30.001Z"))).isEqualTo("2026-11-23T10:15:31Z");
        assertThat(Keys.dueAt(Instant.parse("2026-11-23T10:15:00Z"))).as("seconds always written")
                .isEqualTo("2026-11-23T10:15:00Z");
        assertThat(Keys.dueAt(Instant.parse("2026-11-23T09:59:59Z")))
                .isLessThan(Keys.dueAt(Instant.parse("2026-11-23T10:00:00Z")));
        assertThatThrownBy(() -> Keys.dueAt(Instant.parse("+10000-01-01T00:00:00Z")))
                .as("five-digit years would sort before four-digit ones").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dueBy_roundsDown_soAQueryNeverTakesATimerBeforeItFalls() {
        assertThat(Keys.dueBy(Instant.parse("2026-11-23T10:15:30.999Z"))).isEqualTo("2026-11-23T10:15:30Z");
    }

    @Test
    void dueShard_isStable_andSpreadsCustomersOverEveryShard() {
        assertThat(Keys.dueShard("c-000123")).isEqualTo(Keys.dueShard("c-000123")).startsWith("DUE#");
        Map<String, Integer> perShard = new HashMap<>();
        for (int i = 0; i < 64_000; i++) perShard.merge(Keys.dueShard(String.format("c-%06d", i)), 1, Integer::sum);
        assertThat(perShard).hasSize(Keys.EVALUATION_DUE_SHARDS);
        assertThat(perShard.values()).allSatisfy(n -> assertThat(n).isBetween(800, 1200));
    }

    /** Timers armed when there were 16 evaluation shards sit in DUE#0..15, which a 64-shard run queries. */
    @Test
    void dueShard_ofAnyCustomer_isItsFormerSixteenShardPartitionModuloSixteen() {
        for (int i = 0; i < 1_000; i++) {
            String id = String.format("c-%06d", i);
            int shard = Integer.parseInt(Keys.dueShard(id).substring("DUE#".length()));
            assertThat(shard % 16).isEqualTo(Integer.parseInt(Keys.journeyDueShard(id, 16).substring("JDUE#".length())));
        }
    }

    @Test
    void customerId_readsBackTheCustomerKey() {
        assertThat(Keys.customerId(Keys.customer("c-7"))).isEqualTo("c-7");
    }

    @Test
    void inbox_isTheMessageIdAlone_soAStoreRepeatedLaterHitsTheSameItem() {
        assertThat(Keys.inbox("m-7f3a")).isEqualTo("INBOX#m-7f3a").startsWith(Keys.INBOX_PREFIX);
    }

    /** The keys are stored data: this pins every one of them to what the table already holds. */
    @Test
    void everyKey_isWrittenAsTheTableHoldsIt() {
        Instant at = Instant.parse("2026-11-23T10:15:30.000000123Z");
        assertThat(Keys.customer("c-7")).isEqualTo("C#c-7");
        assertThat(Keys.RECORD_SK).isEqualTo("RECORD");
        assertThat(Keys.archiveMonth(java.time.YearMonth.of(2026, 11))).isEqualTo("SEEN#2026-11");
        assertThat(Keys.consent(at, "e-1")).isEqualTo("CONSENT#2026-11-23T10:15:30.000000123Z#e-1");
        assertThat(Keys.message("k-1")).isEqualTo("MSG#k-1");
        assertThat(Keys.sentCopy("m-1")).isEqualTo("SENT#m-1");
        assertThat(Keys.action("i-1")).isEqualTo("ACTION#i-1");
        assertThat(Keys.contact("h-1")).isEqualTo("CONTACT#h-1");
        assertThat(Keys.CONTACT_ERASED_SK).isEqualTo("ERASED");
        assertThat(Keys.CONTACT_SMS_STOPPED_SK).isEqualTo("SMS_STOPPED");
        assertThat(Keys.ACCOUNT_HEALTH_PK).isEqualTo("ACCOUNT#health");
        assertThat(Keys.emailMarketingAlarm("a-1")).isEqualTo("EMAIL_MARKETING#a-1");
        assertThat(Keys.once("k-1")).isEqualTo("ONCE#k-1");
        assertThat(Keys.ONCE_SK).isEqualTo("ONCE");
        assertThat(Keys.rejectedDay("2026-11-23")).isEqualTo("REJECTED#2026-11-23");
        assertThat(Keys.MODEL_PK + " " + Keys.MODEL_SK).isEqualTo("MODEL#purchase CURRENT");
        assertThat(Keys.dueShard(3)).isEqualTo("DUE#3");
        assertThat(Keys.messageDueShard(3)).isEqualTo("MSGDUE#3");
        assertThat(Keys.JOURNEYS_SK).isEqualTo("JOURNEYS");
        assertThat(Keys.journeyDueShard(3)).isEqualTo("JDUE#3");
        assertThat(Keys.journey("review")).isEqualTo("JOURNEY#review");
        assertThat(Keys.CATALOG_PK).isEqualTo("CATALOG");
        assertThat(Keys.PLAYBOOK_PK).isEqualTo("PLAYBOOK");
        assertThat(Keys.SETTINGS_PK).isEqualTo("SETTINGS");
        assertThat(Keys.version(7)).isEqualTo("V#000007");
        assertThat(Keys.ACTIVE_SK).isEqualTo("ACTIVE");
        assertThat(Keys.JOURNEY_INDEX_PK + " " + Keys.JOURNEY_INDEX_SK).isEqualTo("JOURNEYS INDEX");
        assertThat(Keys.template("lapsed-any-channel")).isEqualTo("TEMPLATE#lapsed-any-channel");
        assertThat(Keys.TEMPLATE_INDEX_PK + " " + Keys.TEMPLATE_INDEX_SK).isEqualTo("TEMPLATES INDEX");
        assertThat(Keys.SETTINGS_PK + " " + Keys.HOLDOUT_KEY_SK).isEqualTo("SETTINGS HOLDOUT_KEY");
    }

    @Test
    void journeyDueShard_hashesTheCustomerAsTheEvaluatorDoes_inShardsOfItsOwn() {
        for (String id : new String[]{"c-000123", "c-7", "ä-ü"}) {
            int evaluation = Integer.parseInt(Keys.dueShard(id).substring("DUE#".length()));
            assertThat(Keys.journeyDueShard(id).substring("JDUE#".length()))
                    .isEqualTo(Integer.toString(evaluation % Keys.DUE_SHARDS));
        }
        Map<String, Integer> perShard = new HashMap<>();
        for (int i = 0; i < 4_000; i++) perShard.merge(Keys.journeyDueShard(String.format("c-%06d", i), 4), 1, Integer::sum);
        assertThat(perShard).containsOnlyKeys("JDUE#0", "JDUE#1", "JDUE#2", "JDUE#3");
        assertThatThrownBy(() -> Keys.journeyDueShard("c-1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versions_sortAsTheirNumbers_andStayInTheWidth() {
        assertThat(Keys.version(9)).isLessThan(Keys.version(10));
        assertThat(Keys.version(999_999)).isEqualTo("V#999999");
        assertThatThrownBy(() -> Keys.version(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.version(1_000_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outcomeKeys_arePinned_andADayRangeIsOneKeyRange() {
        java.time.LocalDate day = java.time.LocalDate.parse("2026-07-01");
        assertThat(Keys.outcomeUnit("winback-email")).isEqualTo("OUTCOME#winback-email");
        String key = Keys.outcomeDay(day, dev.winback.core.outcome.Assignment.HELD_OUT);
        assertThat(key).isEqualTo("D#2026-07-01#held_out");
        assertThat(Keys.outcomeDayOf(key)).isEqualTo(day);
        assertThat(Keys.outcomeGroupOf(key)).isEqualTo(dev.winback.core.outcome.Assignment.HELD_OUT);
        for (dev.winback.core.outcome.Assignment group : dev.winback.core.outcome.Assignment.values()) {
            assertThat(Keys.outcomeDay(day, group)).isGreaterThan(Keys.outcomeDayFrom(day))
                    .isLessThan(Keys.outcomeDayThrough(day))
                    .isLessThan(Keys.outcomeDayFrom(day.plusDays(1)));
        }
    }
}
