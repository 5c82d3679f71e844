package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EngagementEvent;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.LineItem;
import dev.winback.core.event.Platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customer base of the ground-truth scenario: only the events the measurement needs. Each customer
 * joins, is active for a few weeks in one of three ways that lead the playbook to one rule each
 * (browsing the website, then silence: lapsed; buying on a rhythm, then silence: purchase lapse; using
 * the app, then uninstalling it and silence), and does nothing more of their own: whether they come
 * back is decided by {@link ClosedLoop} from the {@link TrueEffects} when the engine decides about
 * them. The same config always yields the same events.
 */
public final class GroundTruthBase {

    /** Customers join over the first weeks, so decisions spread over the scenario. */
    static final int JOIN_DAYS = 35;
    /** Days after the start whose exposures are reported: every decision by then has its returns fed. */
    public static final int HORIZON_DAYS = 100;

    enum Segment { BROWSER, BUYER, UNINSTALLER }

    private final SyntheticConfig config;
    private final List<EngagementEvent> events;
    private final Map<String, long[]> activity;

    private GroundTruthBase(SyntheticConfig config, List<EngagementEvent> events, Map<String, long[]> activity) {
        this.config = config;
        this.events = events;
        this.activity = activity;
    }

    public static GroundTruthBase generate(SyntheticConfig config) {
        List<EngagementEvent> events = new ArrayList<>();
        Map<String, long[]> activity = new LinkedHashMap<>();
        long start = config.start().getEpochSecond();
        for (int number = 1; number <= config.customers(); number++) {
            Rng rng = Rng.forCustomer(config.seed(), number);
            List<EngagementEvent> own = new ArrayList<>();
            customer(number, rng, start, own);
            activity.put(Ids.customerId(number), own.stream()
                    .filter(e -> e.payload() instanceof EventPayload.SessionStarted
                            || e.payload() instanceof EventPayload.PurchaseCompleted)
                    .mapToLong(e -> e.occurredAt().getEpochSecond()).sorted().toArray());
            events.addAll(own);
        }
        events.sort(Comparator.comparing(EngagementEvent::occurredAt).thenComparing(EngagementEvent::eventId));
        return new GroundTruthBase(config, List.copyOf(events), activity);
    }

    public static GroundTruthBase generateDefault() {
        return generate(SyntheticConfig.defaults());
    }

    private static void customer(int number, Rng rng, long start, List<EngagementEvent> out) {
        String id = Ids.customerId(number);
        Segment segment = Segment.values()[rng.nextInt(Segment.values().length)];
        Platform platform = segment == Segment.UNINSTALLER ? Platform.APP : Platform.WEB;
        long joinAt = start + rng.uniformLong(0, JOIN_DAYS * Window.DAY);
        long activeUntil = joinAt + rng.uniformLong(21 * Window.DAY, 42 * Window.DAY);
        Sequence seq = new Sequence(number, id, out);
        seq.add(joinAt, Optional.empty(), new EventPayload.ProfileUpdated(Optional.of(Ids.email(id)), Optional.empty(),
                Optional.of("America/New_York"), Optional.of("en-US"), Optional.empty(), Optional.empty()));
        seq.add(joinAt + 1, Optional.empty(), Consents.marketing(Channel.EMAIL, true, "signup"));
        seq.add(joinAt + 2, Optional.empty(), new EventPayload.EmailSubscriptionChanged(EmailStatus.SUBSCRIBED));
        if (segment == Segment.UNINSTALLER) {
            seq.add(joinAt + 3, Optional.of(Platform.APP), new EventPayload.AppInstalled());
        }
        double meanGapDays = segment == Segment.BUYER ? 7 : 5;
        long at = joinAt + 600;
        int orders = 0;
        while (at < activeUntil) {
            // A buyer's purchase is their visit; the others visit.
            if (segment != Segment.BUYER) {
                seq.add(at, Optional.of(platform), new EventPayload.SessionStarted(platform));
            } else {
                orders++;
                BigDecimal amount = BigDecimal.valueOf(20 + rng.nextInt(60)).setScale(2);
                seq.add(at, Optional.of(platform), new EventPayload.PurchaseCompleted(Ids.orderId(number, orders),
                        amount, "USD", List.of(new LineItem("sku-" + (1 + rng.nextInt(9)), "home", 1, amount))));
            }
            at += (long) (Window.DAY * meanGapDays * rng.uniform(0.6, 1.4));
        }
        if (segment == Segment.UNINSTALLER) {
            seq.add(activeUntil, Optional.of(Platform.APP), new EventPayload.AppUninstalled());
        }
    }

    /** Numbers a customer's events in the order they are made. */
    private record Sequence(int number, String customerId, List<EngagementEvent> out) {
        void add(long epochSecond, Optional<Platform> platform, EventPayload payload) {
            out.add(new EngagementEvent(Ids.eventId(number, out.size() + 1), customerId,
                    Instant.ofEpochSecond(epochSecond), platform, payload));
        }
    }

    public SyntheticConfig config() {
        return config;
    }

    /** Every event, in occurredAt order. */
    public List<EngagementEvent> events() {
        return events;
    }

    public List<String> customerIds() {
        return List.copyOf(activity.keySet());
    }

    /** The last session or purchase of the customer's own at or before {@code at}, if any. */
    public Optional<Instant> lastActivity(String customerId, Instant at) {
        long[] times = activity.getOrDefault(customerId, new long[0]);
        int i = Arrays.binarySearch(times, at.getEpochSecond());
        int last = i >= 0 ? i : -i - 2;
        return last < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(times[last]));
    }

    /** The last exposure day the scenario reports: every decision by then has had its whole window. */
    public Instant horizon() {
        return config.start().plus(Duration.ofDays(HORIZON_DAYS));
    }
}
