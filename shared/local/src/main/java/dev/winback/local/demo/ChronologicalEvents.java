package dev.winback.local.demo;

import dev.winback.core.event.EngagementEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every customer's events merged in occurredAt order, simulated one day at a time so only a day's events
 * (plus the few each customer has planned ahead) are held at once. Ties keep customer order, then each
 * customer's own order, so the sequence is fully determined by the config.
 */
final class ChronologicalEvents implements Iterator<EngagementEvent> {

    private static final Comparator<EngagementEvent> BY_TIME = Comparator.comparing(EngagementEvent::occurredAt);

    private final Window window;
    private final List<CustomerSimulation> simulations;
    private final List<EngagementEvent> today = new ArrayList<>();
    private int day;
    private int position;

    ChronologicalEvents(SyntheticConfig config) {
        this.window = Window.of(config);
        this.simulations = new ArrayList<>(config.customers());
        for (int number = 1; number <= config.customers(); number++) {
            Rng rng = Rng.forCustomer(config.seed(), number);
            simulations.add(new CustomerSimulation(CustomerPlanner.plan(number, rng, window), rng, window));
        }
    }

    @Override
    public boolean hasNext() {
        while (position == today.size() && day < window.days()) {
            today.clear();
            position = 0;
            for (CustomerSimulation simulation : simulations) {
                simulation.playDay(day, today::add);
            }
            // A stable sort: equal instants stay in customer order.
            today.sort(BY_TIME);
            day++;
        }
        return position < today.size();
    }

    @Override
    public EngagementEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return today.get(position++);
    }
}
