package dev.winback.local.demo;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyAtRiskTest {

    @Test
    void everyWeekUntilTheHorizon_everyoneSilentForTenDaysIsMessaged_andNobodyElse() {
        GroundTruthBase base = GroundTruthBase.generate(SyntheticConfig.defaults().withCustomers(200));
        ClosedLoop loop = new ClosedLoop(TrueEffects.defaults(), 1, base.horizon());
        List<DeliveryRequest> sent = new ArrayList<>();
        WeeklyAtRisk weekly = new WeeklyAtRisk(base, loop, requests -> {
            sent.addAll(requests);
            return requests.stream().map(DeliveryRequest::key).collect(Collectors.<MessageKey>toSet());
        });

        weekly.runDue(base.config().start().plus(Duration.ofDays(6)));
        assertThat(sent).isEmpty();
        weekly.runDue(base.horizon().plus(Duration.ofDays(30)));

        List<Instant> rounds = new ArrayList<>();
        for (Instant at = base.config().start().plus(WeeklyAtRisk.WEEK); !at.isAfter(base.horizon());
             at = at.plus(WeeklyAtRisk.WEEK)) {
            rounds.add(at);
        }
        assertThat(rounds).containsAll(sent.stream().map(DeliveryRequest::requestedAt).collect(Collectors.toSet()));
        for (Instant round : rounds) {
            Set<String> messaged = sent.stream().filter(r -> r.requestedAt().equals(round))
                    .map(DeliveryRequest::customerId).collect(Collectors.toSet());
            for (String customer : base.customerIds()) {
                Optional<Instant> last = base.lastActivity(customer, round);
                boolean atRisk = last.isPresent() && !last.get().plus(WeeklyAtRisk.AT_RISK).isAfter(round);
                assertThat(messaged.contains(customer)).as(customer + " at " + round).isEqualTo(atRisk);
            }
        }
        assertThat(sent).allMatch(r -> r.measuredBy().equals(TrueEffects.WEEKLY_UNIT));
        assertThat(sent).isNotEmpty();
    }
}
