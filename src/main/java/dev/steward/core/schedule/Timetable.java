package dev.steward.core.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A priority queue of due instants, one entry per key. Scheduling a key again replaces its entry. Not thread-safe:
 * its owner serialises access.
 */
public final class Timetable<K> {
    private record Entry<K>(Instant due, long seq, K key) {}

    private final PriorityQueue<Entry<K>> queue = new PriorityQueue<>((a, b) -> {
        int c = a.due().compareTo(b.due());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    });
    private final Map<K, Entry<K>> current = new HashMap<>();
    private long seq;

    public void schedule(K key, Instant due) {
        Entry<K> entry = new Entry<>(due, seq++, key);
        current.put(key, entry);
        queue.add(entry);
    }

    public void remove(K key) {
        current.remove(key);
    }

    public boolean contains(K key) {
        return current.containsKey(key);
    }

    public Optional<Instant> due(K key) {
        return Optional.ofNullable(current.get(key)).map(Entry::due);
    }

    /** A key that fell due, with the instant it was due at. */
    public record Due<K>(K key, Instant at) {}

    /** Removes and returns every key due at or before {@code now}, earliest first. */
    public List<Due<K>> pollDue(Instant now) {
        List<Due<K>> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().due().isAfter(now)) {
            Entry<K> e = queue.poll();
            if (current.get(e.key()) == e) {
                current.remove(e.key());
                due.add(new Due<>(e.key(), e.due()));
            }
        }
        return due;
    }

    /** The earliest due instant, skipping replaced entries. */
    public Optional<Instant> nextDue() {
        while (!queue.isEmpty() && current.get(queue.peek().key()) != queue.peek()) {
            queue.poll();
        }
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.peek().due());
    }

    public int size() {
        return current.size();
    }
}
