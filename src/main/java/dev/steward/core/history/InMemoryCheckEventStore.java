package dev.steward.core.history;

import dev.steward.core.config.CheckId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A {@link CheckEventStore} in a list: for tests, and for a daemon run without a data directory. */
public final class InMemoryCheckEventStore implements CheckEventStore {
    private record Appended(long sequence, CheckEvent event) {}

    private static final Comparator<Appended> NEWEST_FIRST = Comparator.comparing(
                    (Appended a) -> a.event().at())
            .thenComparingLong(Appended::sequence)
            .reversed();

    private final List<Appended> events = new ArrayList<>();
    private long sequence;

    @Override
    public synchronized void append(CheckEvent event) {
        events.add(new Appended(++sequence, event));
    }

    @Override
    public synchronized List<CheckEvent> list(CheckId check, Instant from, Instant to, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return events.stream()
                .filter(a -> a.event().check().equals(check))
                .filter(a -> !a.event().at().isBefore(from) && a.event().at().isBefore(to))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .map(Appended::event)
                .toList();
    }

    @Override
    public synchronized Optional<CheckEvent> latest(CheckId check) {
        return events.stream()
                .filter(a -> a.event().check().equals(check))
                .sorted(NEWEST_FIRST)
                .map(Appended::event)
                .findFirst();
    }

    @Override
    public synchronized int deleteBefore(Instant before) {
        int size = events.size();
        events.removeIf(a -> a.event().at().isBefore(before));
        return size - events.size();
    }
}
