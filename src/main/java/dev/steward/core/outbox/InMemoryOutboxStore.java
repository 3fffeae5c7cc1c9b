package dev.steward.core.outbox;

import dev.steward.core.outbox.DeliveryState.Abandoned;
import dev.steward.core.outbox.DeliveryState.Delivered;
import dev.steward.core.outbox.DeliveryState.Pending;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link OutboxStore} in memory: for tests, and for a daemon that runs without a database. */
public final class InMemoryOutboxStore implements OutboxStore {
    private final Map<String, OutboxEntry> byId = new LinkedHashMap<>();
    private long lastSequence;

    @Override
    public synchronized List<OutboxEntry> enqueue(List<OutboxEntry> entries) {
        List<OutboxEntry> stored = new ArrayList<>();
        for (OutboxEntry e : entries) {
            OutboxEntry existing = byId.get(e.id());
            if (existing == null) {
                existing = e.withSequence(++lastSequence);
                byId.put(e.id(), existing);
            }
            stored.add(existing);
        }
        return List.copyOf(stored);
    }

    @Override
    public synchronized List<OutboxEntry> pending() {
        return byId.values().stream()
                .filter(e -> !e.state().isFinal())
                .sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .toList();
    }

    @Override
    public synchronized boolean record(String id, DeliveryState state) {
        OutboxEntry e = byId.get(id);
        if (e == null) {
            return false;
        }
        byId.put(id, e.withState(state));
        return true;
    }

    @Override
    public synchronized List<ChannelStatus> status() {
        Map<String, List<OutboxEntry>> byChannel = new TreeMap<>();
        byId.values()
                .forEach(e -> byChannel
                        .computeIfAbsent(e.channel(), c -> new ArrayList<>())
                        .add(e));
        List<ChannelStatus> out = new ArrayList<>();
        byChannel.forEach((channel, entries) -> out.add(statusOf(channel, entries)));
        return List.copyOf(out);
    }

    private static ChannelStatus statusOf(String channel, List<OutboxEntry> entries) {
        long pending = 0;
        long delivered = 0;
        long abandoned = 0;
        Optional<DeliveryError> lastError = Optional.empty();
        Optional<Instant> lastDelivered = Optional.empty();
        Optional<Instant> oldestPending = Optional.empty();
        for (OutboxEntry e : entries) {
            Optional<DeliveryError> error = Optional.empty();
            switch (e.state()) {
                case Pending p -> {
                    pending++;
                    error = p.lastError();
                    oldestPending = min(oldestPending, e.createdAt());
                }
                case Delivered d -> {
                    delivered++;
                    lastDelivered = max(lastDelivered, d.at());
                }
                case Abandoned a -> {
                    abandoned++;
                    error = Optional.of(new DeliveryError(a.reason(), a.detail(), a.at()));
                }
            }
            if (error.isPresent()
                    && (lastError.isEmpty()
                            || error.get().at().isAfter(lastError.get().at()))) {
                lastError = error;
            }
        }
        return new ChannelStatus(channel, pending, delivered, abandoned, lastError, lastDelivered, oldestPending);
    }

    private static Optional<Instant> min(Optional<Instant> a, Instant b) {
        return Optional.of(a.filter(x -> x.isBefore(b)).orElse(b));
    }

    private static Optional<Instant> max(Optional<Instant> a, Instant b) {
        return Optional.of(a.filter(x -> x.isAfter(b)).orElse(b));
    }

    @Override
    public synchronized List<OutboxEntry> history(String channel, int limit) {
        return byId.values().stream()
                .filter(e -> e.channel().equals(channel))
                .sorted(Comparator.comparingLong(OutboxEntry::sequence).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int prune(Instant finalBefore) {
        int before = byId.size();
        byId.values()
                .removeIf(e -> finalAt(e.state())
                        .filter(at -> at.isBefore(finalBefore))
                        .isPresent());
        return before - byId.size();
    }

    private static Optional<Instant> finalAt(DeliveryState state) {
        return switch (state) {
            case Pending p -> Optional.empty();
            case Delivered d -> Optional.of(d.at());
            case Abandoned a -> Optional.of(a.at());
        };
    }
}
