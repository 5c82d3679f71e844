package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.Purpose;
import dev.winback.core.event.SmsStatus;
import dev.winback.core.ingest.InMemoryEngagementStore;
import dev.winback.core.event.MessageCategory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 seeded random interleavings of consent changes, suppressions, address changes, sends,
 * provider failures and timers. Every send the providers take is checked, at the moment it is
 * made, against an oracle that knows only the events stored so far: never on a channel whose consent
 * for that purpose was withdrawn, never to a suppressed address, never twice for one attempt.
 */
class ConsentAtSendTimePropertyTest {

    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final Channel[] SENDABLE = {Channel.EMAIL, Channel.SMS, Channel.PUSH};

    /** What the events applied so far say, kept independently of the record's code. */
    static final class Oracle {
        final Map<Channel, Map<Purpose, Boolean>> consent = new EnumMap<>(Channel.class);
        EmailStatus email;
        SmsStatus sms;
        Boolean pushPermission;
        boolean pushUninstalled;

        boolean allows(Channel channel, Purpose purpose) {
            Boolean granted = consent.getOrDefault(channel, Map.of()).get(purpose);
            if (granted != null && !granted) return false;
            return switch (channel) {
                case EMAIL -> email != EmailStatus.COMPLAINED && email != EmailStatus.BLOCKED
                        && (purpose == Purpose.TRANSACTIONAL || (email != EmailStatus.UNSUBSCRIBED
                        && (granted != null || email == EmailStatus.SUBSCRIBED)));
                case SMS -> sms != SmsStatus.UNSUBSCRIBED
                        && (purpose == Purpose.TRANSACTIONAL || granted != null || sms == SmsStatus.SUBSCRIBED);
                case PUSH -> !pushUninstalled && !Boolean.FALSE.equals(pushPermission)
                        && (purpose == Purpose.TRANSACTIONAL || granted != null || Boolean.TRUE.equals(pushPermission));
                case IN_APP, WEBHOOK -> false;
            };
        }
    }

    @Test
    void noSendOnAWithdrawnChannelOrToASuppressedAddress() {
        int sends = 0;
        int refused = 0;
        for (long seed = 1; seed <= 1_000; seed++) {
            int[] counts = interleaving(seed);
            sends += counts[0];
            refused += counts[1];
        }
        // The generator must exercise both sides of the rules, or the property proves nothing.
        assertThat(sends).isGreaterThan(2_000);
        assertThat(refused).isGreaterThan(2_000);
    }

    private int[] interleaving(long seed) {
        Random random = new Random(seed);
        lastAt.clear();
        MutableClock clock = new MutableClock(START.plus(Duration.ofMinutes(random.nextInt(60 * 24))));
        InMemoryEngagementStore store = new InMemoryEngagementStore();
        Customers customers = new Customers(store);
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        Oracle oracle = new Oracle();
        String customer = "c-" + seed;
        Set<String> acceptedIds = new HashSet<>();
        Map<MessageKey, Set<Channel>> acceptedChannels = new HashMap<>();
        List<ChannelSender> senders = new ArrayList<>();
        int[] counts = new int[2];
        for (Channel channel : SENDABLE) {
            senders.add(new ChannelSender() {
                @Override
                public Channel channel() {
                    return channel;
                }

                @Override
                public SendResult send(OutboundMessage message) {
                    assertThat(oracle.allows(channel, message.purpose()))
                            .as("seed %d: %s %s sent against the customer's word", seed, message.purpose(), channel)
                            .isTrue();
                    int roll = random.nextInt(20);
                    if (roll == 0) return new SendResult.Retryable("throttled");
                    if (roll == 1) return new SendResult.Rejected(SendResult.FailureKind.INVALID_ADDRESS, "invalid");
                    assertThat(acceptedIds.add(message.messageId())).as("seed %d: one attempt sent twice", seed).isTrue();
                    MessageKey key = MessageKey.parse(message.customerId(), message.messageId()).orElseThrow().key();
                    assertThat(acceptedChannels.computeIfAbsent(key, k -> new HashSet<>()).add(channel))
                            .as("seed %d: one message sent twice on %s", seed, channel).isTrue();
                    counts[0]++;
                    if (roll == 2) return new SendResult.Unknown("response lost");
                    return new SendResult.Accepted("p-" + message.messageId(), random.nextBoolean());
                }
            });
        }
        DeliverMessages delivery = new DeliverMessages(store, ledger, senders, new PlainComposer(), customers.recorder(),
                DecisionPublisher.NONE, DeliveryPolicy.defaults(), clock);
        customers.apply(customer, clock.instant(), new EventPayload.ProfileUpdated(Optional.of("a@example.com"),
                Optional.of("+15550100123"), Optional.of(random.nextBoolean() ? "Europe/Madrid" : "America/Chicago"),
                Optional.empty(), Optional.empty(), Optional.of("arn:aws:sns:endpoint/" + seed)));
        List<DeliveryRequest> retries = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            // Sometimes at the very same instant as the previous step, so tie rules get exercised.
            if (random.nextInt(4) != 0) clock.advance(Duration.ofMinutes(random.nextInt(600)));
            Instant now = clock.instant();
            Channel channel = SENDABLE[random.nextInt(SENDABLE.length)];
            switch (random.nextInt(10)) {
                case 0, 1 -> {
                    Purpose purpose = random.nextInt(3) == 0 ? Purpose.TRANSACTIONAL : Purpose.MARKETING;
                    boolean granted = random.nextBoolean();
                    customers.apply(customer, now, new EventPayload.ConsentChanged(channel, purpose, granted, "form", "v1"));
                    // At the same instant a withdrawal wins, whatever the order.
                    Boolean kept = tie(channel.name() + purpose, now)
                            ? oracle.consent.getOrDefault(channel, Map.of()).get(purpose) : null;
                    oracle.consent.computeIfAbsent(channel, c -> new EnumMap<>(Purpose.class))
                            .put(purpose, Boolean.FALSE.equals(kept) ? false : granted);
                }
                case 2 -> {
                    EmailStatus status = EmailStatus.values()[random.nextInt(EmailStatus.values().length)];
                    customers.apply(customer, now, new EventPayload.EmailSubscriptionChanged(status));
                    // At the same instant the more restrictive status wins.
                    oracle.email = tie("email", now) && oracle.email.compareTo(status) > 0 ? oracle.email : status;
                }
                case 3 -> {
                    SmsStatus status = random.nextBoolean() ? SmsStatus.SUBSCRIBED : SmsStatus.UNSUBSCRIBED;
                    customers.apply(customer, now, new EventPayload.SmsSubscriptionChanged(status));
                    oracle.sms = tie("sms", now) && oracle.sms == SmsStatus.UNSUBSCRIBED ? oracle.sms : status;
                }
                case 4 -> {
                    // Uninstalling makes push unreachable; a new endpoint makes it reachable again.
                    boolean uninstall = random.nextBoolean();
                    if (uninstall) {
                        customers.apply(customer, now, new EventPayload.AppUninstalled());
                    } else {
                        customers.apply(customer, now, new EventPayload.ProfileUpdated(Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.empty(),
                                Optional.of("arn:aws:sns:endpoint/" + seed + "-" + step)));
                    }
                    oracle.pushUninstalled = tie("reachability", now) && oracle.pushUninstalled || uninstall;
                }
                case 5 -> {
                    boolean granted = random.nextBoolean();
                    customers.apply(customer, now, new EventPayload.PushPermissionChanged(granted));
                    oracle.pushPermission = tie("permission", now) && Boolean.FALSE.equals(oracle.pushPermission)
                            ? Boolean.FALSE : granted;
                }
                case 6 -> delivery.resumeDue(0);
                default -> {
                    List<Channel> plan = new ArrayList<>(List.of(SENDABLE));
                    java.util.Collections.shuffle(plan, random);
                    DeliveryRequest request = new DeliveryRequest(customer, "camp", "camp", "slot-" + step,
                            random.nextInt(3) == 0 ? Purpose.TRANSACTIONAL : Purpose.MARKETING, MessageCategory.PROMOTIONS,
                            plan.subList(0, 1 + random.nextInt(3)), now, now.plus(Duration.ofHours(12)),
                            Duration.ofHours(2), Map.of());
                    DeliverMessages.Result result = delivery.deliver(request);
                    if (result.outcome() == DeliverMessages.Outcome.RETRY_LATER) retries.add(request);
                    if (random.nextInt(3) == 0 && !retries.isEmpty()) delivery.deliver(retries.removeFirst());
                    if (random.nextInt(5) == 0) delivery.deliver(request); // a duplicate
                }
            }
        }
        for (LedgerEntry entry : ledger.all()) {
            counts[1] += (int) entry.decisions().stream().filter(d -> d.kind() == MessageDecision.Kind.SKIPPED).count();
        }
        return counts;
    }

    /** When each of the oracle's registers last changed: a change at the same instant is a tie. */
    private final Map<String, Instant> lastAt = new HashMap<>();

    private boolean tie(String register, Instant now) {
        boolean same = now.equals(lastAt.get(register));
        lastAt.put(register, now);
        return same;
    }
}
