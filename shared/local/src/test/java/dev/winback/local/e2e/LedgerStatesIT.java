package dev.winback.local.e2e;

import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.LedgerEntry;
import dev.winback.core.delivery.LedgerStatus;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state a message can wait in, met by every provider answer, on both paths as deployed: the
 * queue path (the deliver handler and its batch, with SQS redelivery played by hand) and the timer
 * path (the resume handler: holds, throttle backoffs, receipt deadlines and fallbacks, dead workers'
 * claims), with the ledger in DynamoDB Local. After every step each message is final, has a timer, or
 * has a queue message the handler asked to get again; in the end each is final without a timer, and
 * no attempt reached the provider twice.
 */
class LedgerStatesIT {

    enum Answer { ACCEPTED, REFUSED, RETRYABLE, UNKNOWN }

    /** How a message reaches the state that the answer then meets. */
    enum Scenario {
        /** A new request on the queue. */
        NEW_ON_QUEUE(false),
        /** Throttled (READY), then its queue message comes again. */
        READY_ON_QUEUE(false),
        /** Throttled (READY), and its queue message is gone (say, to the dead-letter queue): only the timer is left. */
        READY_ON_TIMER(false),
        /** Held for quiet hours, resumed by its timer. */
        HELD(true),
        /** Held, throttled when the hold ended, then the answer: the message that was lost before. */
        HELD_THEN_THROTTLED(true),
        /** Sent on push (receipts awaited), no receipt by the deadline: the fallback on SMS meets the answer. */
        FALLBACK(false),
        /** The fallback is throttled first. */
        FALLBACK_THROTTLED(false),
        /** The provider answered and the worker died before writing it (CLAIMED), on the queue path. */
        CLAIMED_ON_QUEUE(false),
        /** The same on the timer path, after a hold. */
        CLAIMED_ON_TIMER(true);

        final boolean heldFirst;

        Scenario(boolean heldFirst) {
            this.heldFirst = heldFirst;
        }
    }

    /** 21:30 in New York: marketing SMS and push wait for the morning. */
    static final Instant EVENING = Instant.parse("2026-03-03T02:30:00Z");
    /** 10:00 in New York. Early in the year, so no other test's timers are due in these ticks. */
    static final Instant DAY = Instant.parse("2026-03-03T15:00:00Z");

    final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    final List<String> taken = new ArrayList<>();
    final Map<DeliveryRequest, String> names = new LinkedHashMap<>();
    final Set<DeliveryRequest> queued = new HashSet<>();
    SteppedLedger ledger;
    DeliveryFixture f;

    /** A provider that answers each customer's sends from that customer's script (accepting once it runs out). */
    final class Scripted implements ChannelSender {
        private final Channel channel;
        private final boolean receipts;

        Scripted(Channel channel, boolean receipts) {
            this.channel = channel;
            this.receipts = receipts;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public SendResult send(OutboundMessage message) {
            Deque<Answer> answers = script.getOrDefault(message.customerId(), new ArrayDeque<>());
            Answer answer = answers.isEmpty() ? Answer.ACCEPTED : answers.poll();
            return switch (answer) {
                case ACCEPTED -> {
                    took(message);
                    yield new SendResult.Accepted("p-" + message.messageId(), receipts);
                }
                case REFUSED -> new SendResult.Rejected(SendResult.FailureKind.OTHER, "refused");
                case RETRYABLE -> new SendResult.Retryable("throttled");
                case UNKNOWN -> {
                    took(message); // the worst case: the provider took it and the answer was lost
                    yield new SendResult.Unknown("answer lost");
                }
            };
        }

        private void took(OutboundMessage message) {
            synchronized (taken) {
                taken.add(message.messageId());
            }
        }
    }

    @Test
    void everyStateWithEveryAnswerEndsFinalOrHasSomethingThatMovesItOn() {
        f = new DeliveryFixture(EVENING, List.of(new Scripted(Channel.PUSH, true), new Scripted(Channel.SMS, false)),
                table -> ledger = new SteppedLedger(table));
        Map<Scenario, Map<Answer, DeliveryRequest>> requests = new LinkedHashMap<>();
        List<EngagementEvent> setup = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            for (Answer answer : Answer.values()) {
                String customer = "ls-" + scenario.ordinal() + "-" + answer.ordinal();
                setup.add(f.event(customer, new EventPayload.ProfileUpdated(Optional.empty(), Optional.of("+15550100123"),
                        Optional.of("America/New_York"), Optional.of("en-US"), Optional.empty(),
                        Optional.of("arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/" + customer))));
                setup.add(f.event(customer, new EventPayload.PushPermissionChanged(true)));
                setup.add(f.event(customer, new EventPayload.ConsentChanged(Channel.PUSH, Purpose.MARKETING, true, "app", "v1")));
                setup.add(f.event(customer, new EventPayload.ConsentChanged(Channel.SMS, Purpose.MARKETING, true, "web", "v1")));
                script.put(customer, new ArrayDeque<>(answers(scenario, answer)));
            }
        }
        f.ingest(setup);

        // Evening: the held scenarios are requested and wait for the morning; a duplicate finds them held.
        List<DeliveryRequest> evening = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            if (!scenario.heldFirst) continue;
            for (Answer answer : Answer.values()) evening.add(request(requests, scenario, answer, List.of(Channel.SMS)));
        }
        deliver(evening, Set.of());
        assertThat(evening).allMatch(r -> f.entry(r).status() == LedgerStatus.HELD);
        deliver(evening, Set.of());
        everyMessageMovesOn("held, and a duplicate request");

        // Day: the holds end (and the claimed-on-timer workers die after their send).
        f.clock.set(DAY);
        requests.get(Scenario.CLAIMED_ON_TIMER).values().forEach(r -> ledger.dieAfterSending(r.customerId()));
        f.tick();
        everyMessageMovesOn("the holds ended");

        // The queue scenarios are requested; the ready-on-timer ones lose their queue message.
        List<DeliveryRequest> day = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            if (scenario.heldFirst) continue;
            List<Channel> plan = scenario == Scenario.FALLBACK || scenario == Scenario.FALLBACK_THROTTLED
                    ? List.of(Channel.PUSH, Channel.SMS) : List.of(Channel.SMS);
            for (Answer answer : Answer.values()) {
                DeliveryRequest request = request(requests, scenario, answer, plan);
                if (scenario == Scenario.CLAIMED_ON_QUEUE) ledger.dieAfterSending(request.customerId());
                day.add(request);
            }
        }
        deliver(day, Set.copyOf(requests.get(Scenario.READY_ON_TIMER).values()));
        everyMessageMovesOn("the queue requests were delivered");

        // A few minutes on: the queue redelivers, then the timers fire (backoffs, dead workers' leases).
        f.clock.advance(Duration.ofMinutes(3));
        redeliver();
        everyMessageMovesOn("the queue redelivered");
        f.tick();
        everyMessageMovesOn("the timers fired");

        // Past the receipt deadline: the fallbacks go to SMS and meet their answers.
        f.clock.set(DAY.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(5)));
        f.tick();
        everyMessageMovesOn("the receipt deadlines passed");

        // Then time runs on, the queue redelivering and the timers firing, until nothing is left to do.
        for (int hour = 0; hour < 60 && !allSettled(); hour++) {
            f.clock.advance(Duration.ofHours(1));
            redeliver();
            f.tick();
            everyMessageMovesOn("hour " + hour + " after the fallbacks");
        }
        for (DeliveryRequest request : names.keySet()) {
            LedgerEntry entry = f.entry(request);
            assertThat(entry.status().isFinal()).as("%s ends final (%s)", names.get(request), entry.status()).isTrue();
            assertThat(entry.timer()).as("%s ends without a timer", names.get(request)).isEmpty();
        }

        // Final messages stay as they are: a duplicate request or a late tick sends nothing.
        int before = taken.size();
        deliver(List.copyOf(names.keySet()), Set.of());
        f.clock.advance(Duration.ofDays(3));
        f.tick();
        assertThat(taken).hasSize(before);
        assertThat(new HashSet<>(taken)).as("attempts the provider got twice").hasSameSizeAs(taken);
        Map<String, Long> perMessage = new HashMap<>();
        for (String id : taken) perMessage.merge(id.substring(0, id.lastIndexOf('-')), 1L, Long::sum);
        // One message at most twice: its push, then its fallback on SMS.
        assertThat(perMessage.values()).allMatch(n -> n <= 2);

        for (Answer answer : Answer.values()) {
            LedgerStatus expected = switch (answer) {
                case ACCEPTED, RETRYABLE -> LedgerStatus.SENT;
                case REFUSED -> LedgerStatus.FAILED;
                case UNKNOWN -> LedgerStatus.UNKNOWN;
            };
            for (Scenario scenario : List.of(Scenario.NEW_ON_QUEUE, Scenario.READY_ON_QUEUE, Scenario.READY_ON_TIMER,
                    Scenario.HELD, Scenario.HELD_THEN_THROTTLED)) {
                assertThat(f.entry(requests.get(scenario).get(answer)).status()).as("%s with %s", scenario, answer)
                        .isEqualTo(expected);
            }
            assertThat(f.entry(requests.get(Scenario.CLAIMED_ON_QUEUE).get(answer)).status()).isEqualTo(LedgerStatus.UNKNOWN);
            assertThat(f.entry(requests.get(Scenario.CLAIMED_ON_TIMER).get(answer)).status()).isEqualTo(LedgerStatus.UNKNOWN);
            // The push went out; the fallback's own answer decides only when it may have gone out too.
            assertThat(f.entry(requests.get(Scenario.FALLBACK).get(answer)).status())
                    .isEqualTo(answer == Answer.UNKNOWN ? LedgerStatus.UNKNOWN : LedgerStatus.SENT);
        }
        System.out.printf("ledger states: %d messages settled, %d sends taken%n", names.size(), taken.size());
    }

    /** What the provider answers each send of a scenario's message, in order. */
    private static List<Answer> answers(Scenario scenario, Answer answer) {
        return switch (scenario) {
            case NEW_ON_QUEUE, HELD, CLAIMED_ON_QUEUE, CLAIMED_ON_TIMER -> List.of(answer);
            case READY_ON_QUEUE, READY_ON_TIMER, HELD_THEN_THROTTLED -> List.of(Answer.RETRYABLE, answer);
            case FALLBACK -> List.of(Answer.ACCEPTED, answer);
            case FALLBACK_THROTTLED -> List.of(Answer.ACCEPTED, Answer.RETRYABLE, answer);
        };
    }

    private DeliveryRequest request(Map<Scenario, Map<Answer, DeliveryRequest>> requests, Scenario scenario,
                                    Answer answer, List<Channel> plan) {
        DeliveryRequest request = f.request("ls-" + scenario.ordinal() + "-" + answer.ordinal(), "walk",
                Purpose.MARKETING, plan);
        requests.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).put(answer, request);
        names.put(request, scenario + " with " + answer);
        return request;
    }

    /** One batch through the deliver handler; what it asks to get again stays queued, except {@code lost}. */
    private void deliver(List<DeliveryRequest> batch, Set<DeliveryRequest> lost) {
        for (int from = 0; from < batch.size(); from += 10) {
            List<DeliveryRequest> part = batch.subList(from, Math.min(batch.size(), from + 10));
            Map<String, Integer> positions = new HashMap<>();
            for (String id : f.deliverWithIds(part, positions)) {
                DeliveryRequest request = part.get(positions.get(id));
                if (!lost.contains(request)) queued.add(request);
            }
        }
    }

    private void redeliver() {
        List<DeliveryRequest> again = List.copyOf(queued);
        queued.clear();
        deliver(again, Set.of());
    }

    private boolean allSettled() {
        return names.keySet().stream().map(f::entry).allMatch(e -> e.status().isFinal() && e.timer().isEmpty())
                && queued.isEmpty();
    }

    /** Each message is final, or has a timer, or a queue message that will come again. */
    private void everyMessageMovesOn(String step) {
        for (DeliveryRequest request : names.keySet()) {
            LedgerEntry entry = f.entry(request);
            assertThat(entry.status().isFinal() || entry.timer().isPresent() || queued.contains(request))
                    .as("after %s: %s is %s with no timer and no queue message", step, names.get(request), entry.status())
                    .isTrue();
        }
    }
}
