package dev.winback.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/** Sums the capacity units DynamoDB reports, for benchmarks and metrics. */
public final class CapacityMeter {

    private final DoubleAdder reads = new DoubleAdder();
    private final DoubleAdder writes = new DoubleAdder();

    void read(ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) reads.add(capacity.capacityUnits());
    }

    void read(List<ConsumedCapacity> capacities) {
        if (capacities != null) capacities.forEach(this::read);
    }

    void write(ConsumedCapacity capacity) {
        if (capacity != null && capacity.capacityUnits() != null) writes.add(capacity.capacityUnits());
    }

    void write(List<ConsumedCapacity> capacities) {
        if (capacities != null) capacities.forEach(this::write);
    }

    public double readUnits() {
        return reads.sum();
    }

    public double writeUnits() {
        return writes.sum();
    }

    public void reset() {
        reads.reset();
        writes.reset();
    }
}
