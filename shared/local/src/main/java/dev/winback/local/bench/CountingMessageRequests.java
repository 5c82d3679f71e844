package dev.winback.local.bench;

import dev.winback.core.delivery.DeliveryRequest;
import dev.winback.core.delivery.MessageKey;
import dev.winback.core.journey.MessageRequests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** The delivery queue's stand-in for benchmarks: accepts every message and counts them by campaign and customer. */
final class CountingMessageRequests implements MessageRequests {

    /** @param byCampaign messages handed over, by campaign; {@code customers} how many customers they went to */
    record Counts(Map<String, Long> byCampaign, int customers) {
        long total() {
            return byCampaign.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Map<String, LongAdder> byCampaign = new ConcurrentHashMap<>();
    private final Set<String> customers = ConcurrentHashMap.newKeySet();

    @Override
    public Set<MessageKey> publish(List<DeliveryRequest> requests) {
        for (DeliveryRequest request : requests) {
            byCampaign.computeIfAbsent(request.campaignId(), k -> new LongAdder()).increment();
            customers.add(request.customerId());
        }
        return requests.stream().map(DeliveryRequest::key).collect(Collectors.toSet());
    }

    Counts snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        byCampaign.forEach((campaign, count) -> copy.put(campaign, count.sum()));
        return new Counts(copy, customers.size());
    }

    void reset() {
        byCampaign.clear();
        customers.clear();
    }
}
