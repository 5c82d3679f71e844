package dev.winback.core.record;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent register applied in any order: exact in the order of receipt, and in any other order
 * never more permissive than that; a STOP survives other withdrawals.
 */
class ConsentMergeOrderTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void threeStampsFromTheReview_areWithdrawnInEveryOrder() {
        // W1 claimed 10 received 300, W2 claimed 15 received 100, G claimed 20 received 200: G came before W1.
        List<Stamped<ConsentGrant>> stamps = List.of(withdrawal(10, 300, "app"), withdrawal(15, 100, "app"),
                grant(20, 200, "app"));
        for (List<Stamped<ConsentGrant>> order : permutations(stamps)) {
            assertThat(fold(order).value().granted()).as("%s", order).isFalse();
        }
    }

    @Test
    void randomHistories_neverEndMorePermissiveThanInTheOrderOfReceipt() {
        Random random = new Random(42);
        for (int trial = 0; trial < 3_000; trial++) {
            List<Stamped<ConsentGrant>> stamps = new ArrayList<>();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                int at = random.nextInt(40);
                int received = random.nextInt(40);
                stamps.add(random.nextBoolean() ? grant(at, received, "app") : withdrawal(at, received, "app"));
            }
            List<Stamped<ConsentGrant>> byReceipt = new ArrayList<>(stamps);
            byReceipt.sort(java.util.Comparator.comparing(Stamped::received));
            boolean exact = fold(byReceipt).value().granted();
            for (List<Stamped<ConsentGrant>> order : permutations(stamps)) {
                if (!exact) assertThat(fold(order).value().granted()).as("trial %d: %s", trial, order).isFalse();
            }
        }
    }

    @Test
    void aStop_outlivesALaterWithdrawal_soAPreferenceGrantStillCannotLiftIt() {
        Stamped<ConsentGrant> stop = withdrawal(10, 10, SmsStop.KEYWORD_SOURCE);
        Stamped<ConsentGrant> echo = withdrawal(20, 20, "crm");
        Stamped<ConsentGrant> link = new Stamped<>(new ConsentGrant(true, "preference-centre", "v1", true),
                T.plusSeconds(30), T.plusSeconds(30));
        for (List<Stamped<ConsentGrant>> order : permutations(List.of(stop, echo, link))) {
            assertThat(SmsStop.isStop(fold(order))).as("%s", order).isTrue();
        }
        Stamped<ConsentGrant> start = grant(40, 40, SmsStop.KEYWORD_SOURCE);
        assertThat(fold(List.of(stop, echo, link, start)).value().granted()).isTrue();
    }

    private static Stamped<ConsentGrant> fold(List<Stamped<ConsentGrant>> stamps) {
        Stamped<ConsentGrant> current = null;
        for (Stamped<ConsentGrant> stamp : stamps) current = SmsStop.merge(current, stamp);
        return current;
    }

    private static Stamped<ConsentGrant> grant(int at, int received, String source) {
        return new Stamped<>(new ConsentGrant(true, source, "v1"), T.plusSeconds(at), T.plusSeconds(received));
    }

    private static Stamped<ConsentGrant> withdrawal(int at, int received, String source) {
        return new Stamped<>(new ConsentGrant(false, source, "v1"), T.plusSeconds(at), T.plusSeconds(received));
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) return List.of(List.of());
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                out.add(order);
            }
        }
        return out;
    }
}
