package dev.steward.core.outbox;

import dev.steward.core.notify.Message;
import dev.steward.core.outbox.AttemptOutcome.Failed;
import dev.steward.core.outbox.AttemptOutcome.Succeeded;
import dev.steward.core.outbox.DeliveryState.Abandoned;
import dev.steward.core.outbox.DeliveryState.Delivered;
import dev.steward.core.outbox.DeliveryState.Pending;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which entries are due and what an attempt's outcome leads to. Pure: time and the jitter are arguments, so
 * the same inputs always give the same decision.
 */
public final class DeliveryPolicy {
    private final OutboxSettings settings;

    public DeliveryPolicy(OutboxSettings settings) {
        this.settings = settings;
    }

    public OutboxSettings settings() {
        return settings;
    }

    /** The next state of an entry after one attempt, the events it caused, and the fallback copy to enqueue if any. */
    public record Transition(OutboxEntry entry, List<OutboxEvent> events, Optional<OutboxEntry> fallback) {
        public Transition {
            events = List.copyOf(events);
        }
    }

    /**
     * The entries that may be attempted now: per channel and ordering key, the earliest pending entry (by sequence),
     * when its next attempt is due. Later entries of the same incident wait until it is final.
     */
    public List<OutboxEntry> due(Collection<OutboxEntry> entries, Instant now) {
        return heads(entries).stream()
                .filter(e -> !((Pending) e.state()).nextAttemptAt().isAfter(now))
                .toList();
    }

    /** When the earliest of these entries becomes due; empty when none is pending. */
    public Optional<Instant> nextDue(Collection<OutboxEntry> entries) {
        return heads(entries).stream()
                .map(e -> ((Pending) e.state()).nextAttemptAt())
                .min(Comparator.naturalOrder());
    }

    /** Per channel and ordering key, the pending entry with the lowest sequence: the only one that may be attempted. */
    public static List<OutboxEntry> heads(Collection<OutboxEntry> entries) {
        Map<List<String>, OutboxEntry> heads = new LinkedHashMap<>();
        entries.stream()
                .filter(e -> e.state() instanceof Pending)
                .sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .forEach(e -> heads.putIfAbsent(List.of(e.channel(), e.orderingKey()), e));
        return List.copyOf(heads.values());
    }

    /**
     * The entry after an attempt that ended at {@code now} with {@code outcome}; {@code jitter} in [0, 1] picks the
     * backoff delay.
     *
     * @throws IllegalStateException when the entry is already final: only pending entries are attempted
     */
    public Transition afterAttempt(OutboxEntry entry, AttemptOutcome outcome, Instant now, double jitter) {
        if (!(entry.state() instanceof Pending pending)) {
            throw new IllegalStateException("outbox entry " + entry.id() + " is already final (" + entry.state()
                    + "): only pending entries are attempted");
        }
        int attempts = pending.attempts() + 1;
        return switch (outcome) {
            case Succeeded s -> {
                OutboxEntry next = entry.withState(new Delivered(now, attempts));
                yield new Transition(
                        next, List.of(new OutboxEvent.EntryDelivered(next, now, attempts)), Optional.empty());
            }
            case Failed f -> afterFailure(entry, f, attempts, now, jitter);
        };
    }

    private Transition afterFailure(OutboxEntry entry, Failed failed, int attempts, Instant now, double jitter) {
        DeliveryError error = new DeliveryError(failed.reason(), failed.detail(), now);
        Instant deadline = entry.createdAt().plus(settings.maxAge());
        Optional<String> giveUp = !failed.retryable()
                ? Optional.of("not retryable: " + failed.reason())
                : attempts >= settings.maxAttempts()
                        ? Optional.of("gave up after " + attempts + " attempts: " + failed.reason())
                        : !now.isBefore(deadline)
                                ? Optional.of("gave up after " + settings.maxAge() + " (" + attempts + " attempts): "
                                        + failed.reason())
                                : Optional.empty();
        List<OutboxEvent> events = new ArrayList<>();
        OutboxEntry next;
        if (giveUp.isPresent()) {
            next = entry.withState(new Abandoned(giveUp.get(), failed.detail(), attempts, now));
            events.add(new OutboxEvent.AttemptFailed(next, error, failed.retryable(), attempts, Optional.empty()));
            events.add(new OutboxEvent.EntryAbandoned(next, giveUp.get(), attempts, now));
        } else {
            Instant retry = now.plus(settings.backoff().delay(attempts, jitter));
            Instant nextAttemptAt = retry.isAfter(deadline) ? deadline : retry;
            next = entry.withState(new Pending(attempts, nextAttemptAt, Optional.of(error)));
            events.add(new OutboxEvent.AttemptFailed(next, error, true, attempts, Optional.of(nextAttemptAt)));
        }
        Optional<OutboxEntry> fallback = fallbackFor(next, attempts, now, failed.reason());
        fallback.ifPresent(copy -> events.add(new OutboxEvent.FallbackQueued(next, copy)));
        return new Transition(next, events, fallback);
    }

    /**
     * One copy per entry: on the failure that reaches {@code fallbackAfter}, or on abandoning before that. Never for an
     * entry of the fallback channel itself, so a broken fallback cannot feed itself.
     */
    private Optional<OutboxEntry> fallbackFor(OutboxEntry entry, int attempts, Instant now, String reason) {
        Optional<String> channel = settings.fallbackChannel().filter(c -> !c.equals(entry.channel()));
        boolean abandonedEarly = entry.state().isFinal() && attempts < settings.fallbackAfter();
        if (channel.isEmpty() || !(attempts == settings.fallbackAfter() || abandonedEarly)) {
            return Optional.empty();
        }
        Message m = entry.message();
        String note = "Not delivered to " + entry.channel() + " (" + reason + ")";
        Message copy = new Message(
                m.kind(),
                m.incidentId(),
                m.title(),
                m.severity(),
                m.groupLabels(),
                m.since(),
                m.at(),
                m.alerts(),
                m.ackUrl(),
                Optional.of(m.detail().map(d -> note + ". " + d).orElse(note)));
        return Optional.of(new OutboxEntry(
                entry.id() + "/fallback",
                channel.get(),
                entry.idempotencyKey() + "/fallback",
                entry.orderingKey(),
                copy,
                now,
                0,
                Pending.first(now)));
    }
}
