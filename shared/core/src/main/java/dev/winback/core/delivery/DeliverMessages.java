package dev.winback.core.delivery;

import dev.winback.core.delivery.DeliveryPlanner.Step;
import dev.winback.core.delivery.MessageDecision.Reason;
import dev.winback.core.concurrent.FanOut;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.observe.Warnings;
import dev.winback.core.outcome.Assignment;
import dev.winback.core.outcome.HoldoutAssignment;
import dev.winback.core.record.EngagementStore;
import dev.winback.core.record.StoredRecord;
import dev.winback.core.record.EngagementRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Delivers messages exactly once. Before any provider call the message's ledger entry is moved to
 * CLAIMED by a conditional write that only one worker can win; the provider's answer is written
 * after. A worker that dies in between leaves CLAIMED, which becomes UNKNOWN when its lease runs
 * out, and UNKNOWN is never resent. So a duplicate request, a redelivered queue message or a second
 * worker finds the entry and sends nothing.
 *
 * <p>Rules are checked against the record read (strongly consistent) at the moment of sending, and
 * read again after the claim: if it changed and no longer allows the same send, the claim is undone
 * unsent and the message planned again. Decisions are published after the send, never before.
 * Permanent failures move on to the next channel at once; a channel with receipts arms a timer until
 * the request's receipt deadline, and {@link #resume} falls back when it fires without a receipt.
 * Every entry that is not final has a timer or a queue message that will move it on.
 *
 * <p>A marketing message to a customer in the control group or the unit's holdout goes through the
 * same planning (and the same holds) as any other, and where it would be sent now, ends
 * {@link LedgerStatus#HELD_OUT} instead: no provider call, no send recorded, no cap used.
 */
public final class DeliverMessages {

    /** Writes of a provider's answer that lose a race (a receipt landed first) are re-applied this often. */
    static final int ANSWER_WRITE_ATTEMPTS = 4;
    /** A record that keeps changing under a claim is planned again this often, then retried later. */
    static final int MAX_RECORD_CHANGES = 2;

    public enum Outcome {
        /** Done with this request or timer (sent, held, stopped, or a duplicate). */
        DONE,
        /** Try again later: the provider refused for now, or another worker holds the message. */
        RETRY_LATER
    }

    /** What one request or timer came to, for reports and tests. */
    public record Result(Outcome outcome, Optional<LedgerStatus> status, boolean duplicate) {
        static Result done(LedgerEntry entry) {
            return new Result(Outcome.DONE, Optional.of(entry.status()), false);
        }

        static Result duplicate(LedgerEntry entry) {
            return new Result(Outcome.DONE, Optional.of(entry.status()), true);
        }

        static Result retry(Optional<LedgerStatus> status) {
            return new Result(Outcome.RETRY_LATER, status, false);
        }
    }

    private enum Trigger { REQUEST, TIMER }

    private final EngagementStore records;
    private final MessageLedger ledger;
    private final Map<Channel, ChannelSender> senders;
    private final MessageComposer composer;
    private final SendRecorder recorder;
    private final DecisionPublisher publisher;
    private final DeliveryPolicies policies;
    private final SendingPauses pauses;
    private final Clock clock;
    private final Warnings warnings;
    private final HoldoutAssignment holdouts;
    private final Executor writes;

    /** No sending pauses, and drops its warnings: for tests that assert on outcomes. */
    public DeliverMessages(EngagementStore records, MessageLedger ledger, List<ChannelSender> senders,
                           MessageComposer composer, SendRecorder recorder, DecisionPublisher publisher,
                           DeliveryPolicy policy, Clock clock) {
        this(records, ledger, senders, composer, recorder, publisher, policy, SendingPauses.NONE, clock, Warnings.NONE);
    }

    /** Drops its warnings: for tests that assert on outcomes. */
    public DeliverMessages(EngagementStore records, MessageLedger ledger, List<ChannelSender> senders,
                           MessageComposer composer, SendRecorder recorder, DecisionPublisher publisher,
                           DeliveryPolicy policy, SendingPauses pauses, Clock clock) {
        this(records, ledger, senders, composer, recorder, publisher, policy, pauses, clock, Warnings.NONE);
    }

    /** @param warnings hears of failures handled by retrying or falling back (ids only) */
    public DeliverMessages(EngagementStore records, MessageLedger ledger, List<ChannelSender> senders,
                           MessageComposer composer, SendRecorder recorder, DecisionPublisher publisher,
                           DeliveryPolicy policy, SendingPauses pauses, Clock clock, Warnings warnings) {
        this(records, ledger, senders, composer, recorder, publisher, DeliveryPolicies.constant(policy), pauses, clock,
                warnings, HoldoutAssignment.NONE);
    }

    /** With one policy for every delivery (tests, and callers that never change it). */
    public DeliverMessages(EngagementStore records, MessageLedger ledger, List<ChannelSender> senders,
                           MessageComposer composer, SendRecorder recorder, DecisionPublisher publisher,
                           DeliveryPolicy policy, SendingPauses pauses, Clock clock, Warnings warnings,
                           HoldoutAssignment holdouts) {
        this(records, ledger, senders, composer, recorder, publisher, DeliveryPolicies.constant(policy), pauses, clock,
                warnings, holdouts);
    }

    /**
     * @param policies asked at the start of each delivery, so an operator's change applies to the next message
     * @param holdouts who is withheld from which unit's marketing, for measurement
     */
    public DeliverMessages(EngagementStore records, MessageLedger ledger, List<ChannelSender> senders,
                           MessageComposer composer, SendRecorder recorder, DecisionPublisher publisher,
                           DeliveryPolicies policies, SendingPauses pauses, Clock clock, Warnings warnings,
                           HoldoutAssignment holdouts) {
        this(records, ledger, senders, composer, recorder, publisher, policies, pauses, clock, warnings, holdouts,
                Runnable::run);
    }

    /**
     * @param writes runs the write of an accepted send into the record while the provider's answer is
     *               written to the ledger (a pool of its own: the batch's customers run on another)
     */
    public DeliverMessages(EngagementStore records, MessageLedger ledger, List<ChannelSender> senders,
                           MessageComposer composer, SendRecorder recorder, DecisionPublisher publisher,
                           DeliveryPolicies policies, SendingPauses pauses, Clock clock, Warnings warnings,
                           HoldoutAssignment holdouts, Executor writes) {
        this.records = records;
        this.ledger = ledger;
        Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
        for (ChannelSender sender : senders) {
            if (byChannel.put(sender.channel(), sender) != null) {
                throw new IllegalArgumentException("two senders for " + sender.channel());
            }
        }
        this.senders = Map.copyOf(byChannel);
        this.composer = composer;
        this.recorder = recorder;
        this.publisher = publisher;
        this.policies = policies;
        this.pauses = pauses;
        this.clock = clock;
        this.warnings = warnings;
        this.holdouts = holdouts;
        this.writes = writes;
    }

    public DeliveryPolicy policy() {
        return policies.delivery();
    }

    public DeliveryPolicies policies() {
        return policies;
    }

    /** A delivery request from the queue (possibly a duplicate, possibly redelivered). */
    public Result deliver(DeliveryRequest request) {
        return deliver(request, publisher, Optional.empty());
    }

    /**
     * The requests of one queue batch, in three steps so that each batch-wide read or write is one
     * request: (1) every customer's record read in one strongly consistent read, and each customer's
     * first request planned and, where it would be sent, claimed, customers concurrently; (2) the
     * claimed customers' records read again in one strongly consistent read, each claim checked
     * against it, the senders told the batch's addresses and handed the messages that go (one write
     * of their copies); (3) the provider calls, customers concurrently, and the providers' answers
     * written together ({@link MessageLedger#storeAll}, each under its claim's condition) while the
     * accepted sends are written into the records; (4) what follows an answer (a fallback to the next
     * channel) and each customer's further requests after its first, customers concurrently, on one
     * thread each (they see its send in the record, read again then). Every decision is published
     * once, after all the sends. A request that fails is reported and comes back as
     * {@link Outcome#RETRY_LATER}.
     *
     * @return one result per request, in the order given
     */
    public List<Result> deliverAll(List<DeliveryRequest> requests, Executor executor) {
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byCustomer.computeIfAbsent(requests.get(i).customerId(), c -> new ArrayList<>()).add(i);
        }
        Map<String, StoredRecord> read = records.load(byCustomer.keySet());
        Result[] results = new Result[requests.size()];
        Run[] firsts = new Run[requests.size()];
        DecisionPublisher.Collected decisions = new DecisionPublisher.Collected();
        FanOut.forEachGroup(byCustomer, executor, (customerId, indexes) -> {
            int first = indexes.getFirst();
            guarded(requests, results, first, () -> {
                Run run = begin(requests.get(first), decisions, Optional.ofNullable(read.get(customerId)));
                run.untilClaimed();
                firsts[first] = run;
                return null;
            });
        });
        confirmClaims(requests, results, firsts, executor);
        FanOut.forEachGroup(byCustomer, executor, (customerId, indexes) -> {
            int first = indexes.getFirst();
            if (results[first] != null || firsts[first].stage != Stage.CONFIRMED) return;
            guarded(requests, results, first, () -> {
                firsts[first].callProvider();
                return null;
            });
        });
        Map<Integer, LedgerWrite> answers = writeAnswers(results, firsts);
        FanOut.forEachGroup(byCustomer, executor, (customerId, indexes) -> {
            for (int i : indexes) {
                Run first = firsts[i];
                if (results[i] != null) continue;
                guarded(requests, results, i, () -> {
                    if (first == null) return begin(requests.get(i), decisions, Optional.empty()).alone();
                    LedgerWrite answer = answers.get(i);
                    if (answer != null) first.writeAnswer(answer::orThrow);
                    return first.alone();
                });
            }
        });
        decisions.flushTo(publisher);
        return List.of(results);
    }

    /**
     * Step (3) of {@link #deliverAll}: the providers' answers of the batch's sends written together,
     * each under its own condition (the claim's version), as {@link #settle} writes one. A write the
     * ledger could not make as part of the batch is made on its own by its request; if the batch
     * write failed as a whole, each is.
     *
     * @return by request index, what the write of its answer came to
     */
    private Map<Integer, LedgerWrite> writeAnswers(Result[] results, Run[] runs) {
        List<Integer> answered = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            if (results[i] == null && runs[i] != null && runs[i].stage == Stage.PROVIDER_ANSWERED) answered.add(i);
        }
        if (answered.isEmpty()) return Map.of();
        List<LedgerWrite> writes;
        try {
            writes = ledger.storeAll(answered.stream().map(i -> runs[i].answering).toList());
        } catch (RuntimeException e) {
            warnings.warn("writing a batch's answers failed; each is written on its own", e);
            return Map.of();
        }
        Map<Integer, LedgerWrite> byIndex = new LinkedHashMap<>();
        for (int k = 0; k < answered.size(); k++) byIndex.put(answered.get(k), writes.get(k));
        return byIndex;
    }

    /**
     * Step (2) of {@link #deliverAll}: the claims of the batch checked against one read of their
     * records made after all of them, and what goes handed to the senders ahead of the sends. The
     * senders are told the claimed addresses while the records are read (both reads start after
     * every claim is stored, so each sees what landed before the claims); a send the check moves to
     * another address reads for itself.
     */
    private void confirmClaims(List<DeliveryRequest> requests, Result[] results, Run[] runs, Executor executor) {
        List<Integer> claimed = new ArrayList<>();
        for (int i = 0; i < runs.length; i++) {
            if (runs[i] != null && runs[i].stage == Stage.CLAIMED) claimed.add(i);
        }
        if (claimed.isEmpty()) return;
        CompletableFuture<Void> told = tellSenders(claimed.stream().map(i -> runs[i].message).toList(), executor);
        Map<String, StoredRecord> fresh;
        try {
            fresh = records.load(claimed.stream().map(i -> runs[i].customerId())
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        } catch (RuntimeException e) {
            told.join();
            warnings.warn("reading a batch's records again after its claims failed; its messages will be retried", e);
            for (int i : claimed) {
                guarded(requests, results, i, () -> {
                    runs[i].releaseUnread();
                    return Result.retry(Optional.empty());
                });
            }
            return;
        }
        Map<Channel, List<OutboundMessage>> going = new EnumMap<>(Channel.class);
        for (int i : claimed) {
            Run run = runs[i];
            guarded(requests, results, i, () -> {
                run.recheck(Optional.ofNullable(fresh.get(run.customerId()))
                        .orElseGet(() -> StoredRecord.absent(run.customerId())));
                if (run.stage == Stage.CONFIRMED) {
                    going.computeIfAbsent(run.message.channel(), c -> new ArrayList<>()).add(run.message);
                }
                return null;
            });
        }
        told.join();
        going.forEach((channel, messages) -> {
            try {
                senders.get(channel).prepare(messages);
            } catch (RuntimeException e) {
                // Each send does for itself what was not done for the batch.
                warnings.warn("preparing a batch of " + channel.wireName() + " sends failed", e);
            }
        });
    }

    /** Each sender told the addresses of the claimed messages on its channel ({@link ChannelSender#expect}), on {@code executor}. */
    private CompletableFuture<Void> tellSenders(List<OutboundMessage> claimed, Executor executor) {
        Map<Channel, List<String>> addresses = new EnumMap<>(Channel.class);
        for (OutboundMessage message : claimed) {
            List<String> channel = addresses.computeIfAbsent(message.channel(), c -> new ArrayList<>());
            if (!channel.contains(message.address())) channel.add(message.address());
        }
        return CompletableFuture.runAsync(() -> addresses.forEach((channel, list) -> {
            try {
                senders.get(channel).expect(list);
            } catch (RuntimeException e) {
                // Each send reads for itself what was not read for the batch.
                warnings.warn("telling the " + channel.wireName() + " sender a batch's addresses failed", e);
            }
        }), executor);
    }

    /** Runs one request's part of a batch; a failure is reported and the request retried later. */
    private void guarded(List<DeliveryRequest> requests, Result[] results, int i,
                         Supplier<Result> work) {
        try {
            Result result = work.get();
            if (result != null) results[i] = result;
        } catch (RuntimeException e) {
            warnings.warn("delivering a message of campaign " + requests.get(i).campaignId()
                    + " failed; it will be retried", e);
            results[i] = Result.retry(Optional.empty());
        }
    }

    private Result deliver(DeliveryRequest request, DecisionPublisher out, Optional<StoredRecord> known) {
        return begin(request, out, known).alone();
    }

    private Run begin(DeliveryRequest request, DecisionPublisher out, Optional<StoredRecord> known) {
        Instant now = clock.instant();
        // No ledger read first: the creating write is conditional, and a duplicate finds the entry then.
        LedgerEntry open = LedgerEntry.open(request, now);
        return new Run(open, open, Trigger.REQUEST, now, out, known);
    }

    /** A message's timer fired: a hold ends, a receipt deadline passed, or a claim's lease ran out. */
    public Result resume(MessageKey key) {
        Instant now = clock.instant();
        Optional<LedgerEntry> entry = ledger.find(key);
        if (entry.isEmpty()) return new Result(Outcome.DONE, Optional.empty(), false);
        return existing(entry.get(), Trigger.TIMER, now, publisher);
    }

    /** Every message of one shard whose timer is due. */
    public List<Result> resumeDue(int shard) {
        List<Result> results = new ArrayList<>();
        for (MessageKey key : ledger.due(shard, clock.instant())) {
            try {
                results.add(resume(key));
            } catch (RuntimeException e) {
                warnings.warn("resuming a message failed; its timer stays due", e);
                results.add(Result.retry(Optional.empty()));
            }
        }
        return results;
    }

    public int shards() {
        return ledger.shards();
    }

    private Result existing(LedgerEntry entry, Trigger trigger, Instant now, DecisionPublisher out) {
        boolean due = entry.timer().map(t -> !t.isAfter(now)).orElse(false);
        return switch (entry.status()) {
            case CLAIMED -> {
                if (entry.leaseUntil().map(lease -> !lease.isAfter(now)).orElse(true)) {
                    int number = entry.lastAttempt().orElseThrow().number();
                    Optional<LedgerEntry> stored = ledger.store(entry.unknown(number, Reason.SENDER_STOPPED,
                            "the sender stopped after claiming; the provider may have the message", now));
                    stored.ifPresent(s -> out.publish(s, added(entry, s)));
                    yield stored.map(Result::done).orElseGet(() -> Result.retry(Optional.of(entry.status())));
                }
                yield Result.retry(Optional.of(entry.status())); // another worker is sending it now
            }
            case READY -> advance(entry, entry, trigger, now, out, Optional.empty());
            case HELD -> trigger == Trigger.TIMER && due ? advance(entry, entry, trigger, now, out, Optional.empty()) : Result.duplicate(entry);
            case SENT -> {
                if (trigger == Trigger.TIMER && due && entry.awaiting().isPresent()) {
                    yield advance(entry, entry.fellBack(now), trigger, now, out, Optional.empty());
                }
                yield trigger == Trigger.TIMER ? disarm(entry, now) : Result.duplicate(entry);
            }
            case FAILED, UNKNOWN, SKIPPED, HELD_OUT -> trigger == Trigger.TIMER ? disarm(entry, now) : Result.duplicate(entry);
        };
    }

    /** A final entry whose timer is stale (it should not have one): clears it so it stops firing. */
    private Result disarm(LedgerEntry entry, Instant now) {
        if (entry.timer().isEmpty() || entry.awaiting().isPresent()) return Result.duplicate(entry);
        ledger.store(entry.stopped(entry.status(), List.of(), now));
        return Result.duplicate(entry);
    }

    /**
     * @param stored the entry as last stored (its decisions are published already)
     * @param start  where to go on from: {@code stored}, or a transition of it not yet stored
     */
    private Result advance(LedgerEntry stored, LedgerEntry start, Trigger trigger, Instant now,
                           DecisionPublisher out, Optional<StoredRecord> known) {
        return new Run(stored, start, trigger, now, out, known).alone();
    }

    /** Where a {@link Run} stands. */
    private enum Stage {
        /** The next step is to be planned on the record read. */
        PLANNING,
        /** A send is claimed; the record must be read again before it goes. */
        CLAIMED,
        /** The claimed send is still allowed by the record read after the claim: it goes now. */
        CONFIRMED,
        /** The provider answered (the record write of an accepted send under way): the answer is to be written. */
        PROVIDER_ANSWERED,
        /** Done: {@link Run#result} says how. */
        ENDED
    }

    /**
     * One request or timer carried through planning, the claim, the check after it and the send:
     * a state machine so that a batch can take all its claims, then read their records once, then
     * send ({@link #deliverAll}), where a lone message does the same steps in a row ({@link #alone}).
     *
     * <p>Why the record read after the claim proves consent: the claim is a conditional write that
     * only one worker can win, and the read that decides the send is strongly consistent and starts
     * after the claim is stored. So every write to the record that landed before the claim (a
     * withdrawal, a STOP, another message's send counted against a cap) is in what the send is
     * checked against; a message is never sent on a record older than its claim. Read first and
     * claimed after, a withdrawal landing in between would be missed though it came before the
     * message was taken. A withdrawal landing after that read meets a send already decided, as one
     * landing a moment after the provider call would. A worker that dies after its claim leaves
     * CLAIMED, which becomes UNKNOWN and is never resent; one that dies before it leaves nothing.
     */
    private final class Run {
        private final Trigger trigger;
        private final Instant now;
        private final DecisionPublisher out;
        private final DeliveryPolicy policy = policies.delivery();
        private final LedgerEntry start;
        private LedgerEntry stored;
        private LedgerEntry current;
        private StoredRecord read;
        private EngagementRecord record;
        private int recordChanges;
        private int rounds;
        private Stage stage = Stage.PLANNING;
        private Result result;
        // The claim held while CLAIMED or CONFIRMED:
        private Step.Send send;
        private OutboundMessage message;
        private LedgerEntry claimed;
        private int number;
        // The provider's answer while PROVIDER_ANSWERED: as a transition, the entry it makes of the
        // claim, and the record write of an accepted send.
        private UnaryOperator<LedgerEntry> transition;
        private LedgerEntry answering;
        private CompletableFuture<Void> recorded;

        Run(LedgerEntry stored, LedgerEntry start, Trigger trigger, Instant now, DecisionPublisher out,
            Optional<StoredRecord> known) {
            this.stored = stored;
            this.start = start;
            this.current = start;
            this.trigger = trigger;
            this.now = now;
            this.out = out;
            this.read = known.orElseGet(() -> readRecord(start.key().customerId()));
            this.record = read.record();
            // An erased customer gets nothing, and no new ledger entry in the partition erasure emptied.
            if (read.erased() && stored.version() == 0) end(new Result(Outcome.DONE, Optional.empty(), false));
        }

        String customerId() {
            return start.key().customerId();
        }

        /** The steps in a row, the record read again on its own after each claim. */
        Result alone() {
            while (stage != Stage.ENDED) {
                switch (stage) {
                    case PLANNING -> untilClaimed();
                    case CLAIMED -> recheck(readAgain());
                    case CONFIRMED -> callProvider();
                    case PROVIDER_ANSWERED -> writeAnswer(() -> ledger.store(answering));
                    case ENDED -> { }
                }
            }
            return result;
        }

        private void end(Result result) {
            this.result = result;
            this.stage = Stage.ENDED;
        }

        /** Plans on the record read until the message is claimed for a send (CLAIMED) or ends. */
        void untilClaimed() {
            String campaign = start.request().campaignId();
            // Each plan either ends, adds a failed attempt, or follows a record change, which bounds them.
            while (stage == Stage.PLANNING) {
                if (++rounds > Channel.values().length + MAX_RECORD_CHANGES + 1) {
                    throw new IllegalStateException("delivery planning did not end for a message of campaign " + campaign);
                }
                Step step = DeliveryPlanner.next(current, record, policy, senders.keySet(), pauses, now);
                switch (step) {
                    case Step.Hold hold -> end(finish(stored, current.held(hold.until(), hold.decisions(), now), trigger,
                            now, out));
                    case Step.Stop stop -> end(finish(stored, current.stopped(stop.status(), stop.decisions(), now),
                            trigger, now, out));
                    case Step.Send planned -> {
                        // Only here, where the message would go out now, is the holdout asked: a message
                        // stopped by a rule (no consent, a cap) stops with that reason in either group, so
                        // held-out and treated customers are alike in everything but the send.
                        Assignment assignment = assignment(current);
                        if (assignment.withheld()) {
                            end(finishHeldOut(stored, current.heldOut(planned.channel(), heldOutDetail(assignment,
                                    current.request()), planned.decisions(), now), assignment, read, trigger, now, out));
                            return;
                        }
                        int attempt = current.attempts().size() + 1;
                        String messageId = current.key().messageId(attempt);
                        Instant leaseUntil = now.plus(policy.lease());
                        LedgerEntry claiming = current.claimed(planned.channel(), planned.decisions(), now, leaseUntil,
                                trigger == Trigger.TIMER);
                        OutboundMessage composed;
                        try {
                            composed = composer.compose(current.request(), planned.channel(), planned.address(),
                                    messageId, record);
                        } catch (MessageTemplates.TemplateException e) {
                            // Nothing reached a provider: the attempt fails in memory and the next channel is planned.
                            warnings.warn("no message for campaign " + campaign + " on "
                                    + planned.channel().wireName() + ": " + e.getMessage());
                            current = claiming.failed(attempt, Reason.TEMPLATE_FAILED, e.getMessage(), leaseUntil, now);
                            continue;
                        }
                        Optional<LedgerEntry> claim = ledger.store(claiming);
                        if (claim.isEmpty()) {
                            end(lostRace(current, trigger, now, out));
                            return;
                        }
                        send = planned;
                        message = composed;
                        claimed = claim.get();
                        number = attempt;
                        stage = Stage.CLAIMED;
                    }
                }
            }
        }

        private StoredRecord readAgain() {
            try {
                return readRecord(customerId());
            } catch (RuntimeException e) {
                releaseUnread();
                throw e;
            }
        }

        /** The record could not be read after the claim: nothing was sent, so the claim is undone if possible. */
        void releaseUnread() {
            settle(claimed, number, entry -> entry.released(number, Reason.RECORD_CHANGED,
                    "the record could not be read again; retried later", now.plus(RetryBackoff.FIRST), now),
                    added(stored, claimed), out);
            end(Result.retry(Optional.empty()));
        }

        /**
         * Checks the claimed send against {@code fresh}, the record read after the claim: unchanged,
         * or changed in a way that still sends on the same channel to the same address, it goes
         * (CONFIRMED); otherwise the claim is undone unsent and the message planned again.
         */
        void recheck(StoredRecord fresh) {
            boolean stillAllowed = fresh.version() == read.version() || sameSend(send,
                    DeliveryPlanner.next(current, fresh.record(), policy, senders.keySet(), pauses, now));
            read = fresh;
            record = fresh.record();
            if (stillAllowed) {
                stage = Stage.CONFIRMED;
                return;
            }
            Optional<LedgerEntry> undone = settle(claimed, number, entry -> entry.released(number,
                    Reason.RECORD_CHANGED, "the record changed after the check; planned again",
                    now.plus(RetryBackoff.FIRST), now), added(stored, claimed), out);
            if (undone.isEmpty()) {
                end(Result.retry(Optional.of(LedgerStatus.CLAIMED)));
                return;
            }
            current = undone.get();
            stored = undone.get();
            if (++recordChanges > MAX_RECORD_CHANGES) {
                end(Result.retry(Optional.of(LedgerStatus.READY)));
                return;
            }
            stage = Stage.PLANNING;
        }

        /** Calls the provider (PROVIDER_ANSWERED); an accepted send starts its write into the record. */
        void callProvider() {
            SendResult answer = DeliverMessages.this.send(message);
            transition = answer(answer, number, now);
            answering = transition.apply(claimed);
            // An accepted send is recorded in the record while its answer is written to the ledger: the
            // two items are independent, and the provider has the message whatever the answer's write comes to.
            recorded = answer instanceof SendResult.Accepted
                    ? record(read, message.messageId(), send.channel(), current.request(), now) : null;
            stage = Stage.PROVIDER_ANSWERED;
        }

        /**
         * Settles the provider's answer, {@code write} being the write of {@link #answering} (made
         * here, or made with the batch's); a send that failed for good plans the next channel.
         */
        void writeAnswer(Supplier<Optional<LedgerEntry>> write) {
            Optional<LedgerEntry> answered;
            try {
                answered = settle(claimed, number, transition, added(stored, claimed), out, write);
            } finally {
                if (recorded != null) recorded.join();
                recorded = null;
            }
            if (answered.isEmpty()) {
                end(Result.retry(Optional.of(LedgerStatus.CLAIMED)));
                return;
            }
            LedgerEntry after = answered.get();
            switch (after.status()) {
                case READY -> {
                    if (after.attempts().size() < number) {
                        end(Result.retry(Optional.of(after.status()))); // released: retry later
                        return;
                    }
                    current = after; // failed for good: next channel now
                    stored = after;
                    stage = Stage.PLANNING;
                }
                case SENT, HELD, CLAIMED, FAILED, UNKNOWN, SKIPPED, HELD_OUT -> end(Result.done(after));
            }
        }
    }

    /**
     * Transactional messages are never withheld; nor is a message tried on a channel already (it
     * was treated then, and stays so should the shares change before its fallback).
     */
    private Assignment assignment(LedgerEntry entry) {
        DeliveryRequest request = entry.request();
        if (request.purpose() != Purpose.MARKETING || !entry.attempts().isEmpty()) return Assignment.TREATED;
        return holdouts.assign(request.customerId(), request.measuredBy());
    }

    private static String heldOutDetail(Assignment assignment, DeliveryRequest request) {
        return (assignment == Assignment.CONTROL ? "global control group" : "holdout") + " of " + request.measuredBy();
    }

    /** Whether planning again (on a changed record) still sends on the claimed channel to the same address. */
    private static boolean sameSend(Step.Send claimed, Step again) {
        return again instanceof Step.Send send && send.channel() == claimed.channel()
                && send.address().equals(claimed.address());
    }

    /**
     * Finishes a withheld message, and only the write that made the entry HELD_OUT exposes the
     * customer to the unit (a duplicate request or a lost race does not), as a send does.
     */
    private Result finishHeldOut(LedgerEntry previous, LedgerEntry next, Assignment assignment, StoredRecord read,
                                 Trigger trigger, Instant now, DecisionPublisher out) {
        Optional<LedgerEntry> stored = ledger.store(next);
        if (stored.isEmpty()) return lostRace(previous, trigger, now, out);
        out.publish(stored.get(), added(previous, stored.get()));
        recorder.withheld(read, next.request().measuredBy(), assignment, now);
        return Result.done(stored.get());
    }

    private Result finish(LedgerEntry previous, LedgerEntry next, Trigger trigger, Instant now,
                          DecisionPublisher out) {
        Optional<LedgerEntry> stored = ledger.store(next);
        if (stored.isEmpty()) return lostRace(previous, trigger, now, out);
        out.publish(stored.get(), added(previous, stored.get()));
        return Result.done(stored.get());
    }

    /** Someone else wrote the entry first (a duplicate request, a receipt): continue from what is stored. */
    private Result lostRace(LedgerEntry mine, Trigger trigger, Instant now, DecisionPublisher out) {
        Optional<LedgerEntry> stored = ledger.find(mine.key());
        if (stored.isEmpty()) return Result.retry(Optional.empty());
        if (mine.version() == 0) return existing(stored.get(), trigger, now, out);
        // A concurrent change to an entry we were advancing: leave it to the next delivery or timer.
        return Result.retry(Optional.of(stored.get().status()));
    }

    /**
     * A provider's answer to attempt {@code number} as a transition. Whatever certainly sent nothing
     * leaves a READY entry with a timer: the next channel right away (failed), or the same attempt
     * again after a backoff (throttled), so no message waits for a queue message that may never come.
     */
    private UnaryOperator<LedgerEntry> answer(SendResult result, int number, Instant now) {
        return entry -> switch (result) {
            case SendResult.Accepted accepted -> entry.sent(number, accepted.providerMessageId(),
                    receiptDeadline(entry, accepted, now), now);
            case SendResult.Rejected rejected -> entry.failed(number,
                    rejected.kind() == SendResult.FailureKind.ENDPOINT_DISABLED
                            ? Reason.ENDPOINT_DISABLED : Reason.PROVIDER_REJECTED,
                    rejected.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + rejected.reason(),
                    now.plus(policies.delivery().lease()), now);
            case SendResult.Retryable retryable -> entry.released(number, Reason.PROVIDER_THROTTLED,
                    retryable.reason(), RetryBackoff.retryAt(entry, now), now);
            case SendResult.Unknown unknown -> entry.unknown(number, Reason.NO_PROVIDER_ANSWER, unknown.reason(), now);
        };
    }

    /**
     * Writes what became of claimed attempt {@code number}. If the entry changed since the claim (a
     * fast receipt, a lease expired by another worker), the transition is applied again to what is
     * stored, as long as that attempt still waits for it. Decisions are published only now, after
     * the send: {@code unpublished} are the claim's own.
     */
    private Optional<LedgerEntry> settle(LedgerEntry claimed, int number, UnaryOperator<LedgerEntry> apply,
                                         List<MessageDecision> unpublished, DecisionPublisher out) {
        return settle(claimed, number, apply, unpublished, out, () -> ledger.store(apply.apply(claimed)));
    }

    /** @param first the first write, of {@code apply} applied to {@code claimed} (made already, or made by it) */
    private Optional<LedgerEntry> settle(LedgerEntry claimed, int number, UnaryOperator<LedgerEntry> apply,
                                         List<MessageDecision> unpublished, DecisionPublisher out,
                                         Supplier<Optional<LedgerEntry>> first) {
        LedgerEntry base = claimed;
        for (int attempt = 1; attempt <= ANSWER_WRITE_ATTEMPTS; attempt++) {
            Optional<LedgerEntry> stored = attempt == 1 ? first.get() : ledger.store(apply.apply(base));
            if (stored.isPresent()) {
                List<MessageDecision> decisions = new ArrayList<>(unpublished);
                decisions.addAll(added(base, stored.get()));
                out.publish(stored.get(), decisions);
                return stored;
            }
            Optional<LedgerEntry> latest = ledger.find(claimed.key());
            if (latest.isEmpty() || !latest.get().awaitsAnswer(number)) break;
            base = latest.get();
        }
        out.publish(claimed, unpublished);
        warnings.warn("could not record a provider's answer for campaign " + claimed.request().campaignId()
                + "; the message stays claimed and becomes unknown when its lease runs out");
        return Optional.empty();
    }

    /** Waits for a receipt only where the channel gives them and another channel could follow. */
    private Optional<Instant> receiptDeadline(LedgerEntry entry, SendResult.Accepted accepted, Instant now) {
        if (!accepted.receiptsExpected()) return Optional.empty();
        Instant deadline = now.plus(entry.request().receiptWait());
        if (!deadline.isBefore(entry.request().expiresAt())) return Optional.empty();
        boolean another = policies.delivery().plans().planFor(entry.request()).stream().anyMatch(c -> !entry.wasTried(c));
        return another ? Optional.of(deadline) : Optional.empty();
    }

    private SendResult send(OutboundMessage message) {
        try {
            return senders.get(message.channel()).send(message);
        } catch (RuntimeException e) {
            // A sender must not throw; if one does, the call may have reached the provider.
            warnings.warn("a " + message.channel().wireName() + " sender threw instead of answering", e);
            return new SendResult.Unknown("the sender failed: " + e.getClass().getSimpleName());
        }
    }

    /** The send as a {@code message_sent} in the record, on the writes executor; a failure is reported, not thrown. */
    private CompletableFuture<Void> record(StoredRecord read, String messageId, Channel channel, DeliveryRequest request,
                                           Instant now) {
        return CompletableFuture.runAsync(() -> {
            try {
                recorder.sent(read, messageId, channel, request.purpose(), request.measuredBy(), now);
            } catch (RuntimeException e) {
                warnings.warn("recording a " + channel.wireName() + " send in the record failed; caps will not count it", e);
            }
        }, writes);
    }

    private StoredRecord readRecord(String customerId) {
        StoredRecord stored = records.load(List.of(customerId)).get(customerId);
        return stored == null ? StoredRecord.absent(customerId) : stored;
    }

    private static List<MessageDecision> added(LedgerEntry before, LedgerEntry after) {
        int from = Math.min(before.decisions().size(), after.decisions().size());
        return after.decisions().subList(from, after.decisions().size());
    }
}
