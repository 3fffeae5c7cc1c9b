package dev.steward.engine;

import dev.steward.core.outbox.AttemptOutcome;
import dev.steward.core.outbox.ChannelStatus;
import dev.steward.core.outbox.DeliveryPolicy;
import dev.steward.core.outbox.DeliveryState;
import dev.steward.core.outbox.OutboxEntry;
import dev.steward.core.outbox.OutboxEvent;
import dev.steward.core.outbox.OutboxSettings;
import dev.steward.core.outbox.OutboxStore;
import dev.steward.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the delivery of notifications: every entry is stored before it is scheduled, attempted on the executor (at most
 * one attempt in flight per entry, in order per incident and channel), and its outcome recorded after the notifier
 * answers. Delivery is at least once: an entry is marked delivered only after its notifier said so, so a crash between
 * sending and recording sends it again, with the same idempotency key, after the restart (which loads every pending
 * entry from the store).
 *
 * <p>Tests call {@link #runDue} by hand with a direct executor; the daemon calls {@link #start}, which runs a platform
 * thread that waits until {@link #nextDue} or an enqueue.
 */
public final class OutboxLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxLoop.class);

    private final OutboxStore store;
    private final InstantSource clock;
    private final Executor executor;
    private final Function<String, Optional<Notifier>> notifiers;
    private final DoubleSupplier jitter;
    private final DeliveryPolicy policy;
    private final Consumer<OutboxEvent> events;
    private final Map<String, OutboxEntry> pending = new LinkedHashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final OutboxWaker waker;

    /**
     * Loads every pending entry from {@code store}.
     *
     * @param notifiers the notifier of a channel; empty for a channel no longer configured (its entries stay pending
     *     with the error "unknown channel" until they are abandoned by age or attempts)
     * @param jitter a value in [0, 1] per retry, picking the backoff delay (uniform random in production)
     * @param events every outbox event, for the timeline and metrics; called on the attempting thread
     */
    public OutboxLoop(
            OutboxStore store,
            InstantSource clock,
            Executor executor,
            Function<String, Optional<Notifier>> notifiers,
            DoubleSupplier jitter,
            OutboxSettings settings,
            Consumer<OutboxEvent> events) {
        this.store = store;
        this.clock = clock;
        this.executor = executor;
        this.notifiers = notifiers;
        this.jitter = jitter;
        this.policy = new DeliveryPolicy(settings);
        this.events = events;
        this.waker = new OutboxWaker(this, clock);
        store.pending().forEach(e -> pending.put(e.id(), e));
    }

    public OutboxLoop(
            OutboxStore store,
            InstantSource clock,
            Executor executor,
            Function<String, Optional<Notifier>> notifiers,
            DoubleSupplier jitter,
            OutboxSettings settings) {
        this(store, clock, executor, notifiers, jitter, settings, e -> {});
    }

    /**
     * Stores the entries (durably, in one transaction) and then schedules them; returns them as stored, with their
     * sequences. Ids already stored are not enqueued twice.
     */
    public List<OutboxEntry> enqueue(List<OutboxEntry> entries) {
        List<OutboxEntry> stored = store.enqueue(entries);
        synchronized (this) {
            for (OutboxEntry e : stored) {
                if (!e.state().isFinal()) {
                    pending.putIfAbsent(e.id(), e);
                }
            }
        }
        waker.wake();
        return stored;
    }

    /** Starts an attempt for every entry due at {@code now} that the ordering rule allows; returns how many. */
    public int runDue(Instant now) {
        List<OutboxEntry> due;
        synchronized (this) {
            due = policy.due(pending.values(), now).stream()
                    .filter(e -> !inFlight.contains(e.id()))
                    .toList();
            due.forEach(e -> inFlight.add(e.id()));
        }
        for (OutboxEntry e : due) {
            try {
                executor.execute(() -> attempt(e));
            } catch (RejectedExecutionException rejected) {
                synchronized (this) {
                    inFlight.remove(e.id());
                }
            }
        }
        return due.size();
    }

    /** When the next entry becomes due; empty when nothing is pending but attempts in flight. */
    public synchronized Optional<Instant> nextDue() {
        return DeliveryPolicy.heads(pending.values()).stream()
                .filter(e -> !inFlight.contains(e.id()))
                .map(e -> ((DeliveryState.Pending) e.state()).nextAttemptAt())
                .min(Instant::compareTo);
    }

    /** The delivery status of every channel, from the store. */
    public List<ChannelStatus> status() {
        return store.status();
    }

    /** The latest {@code limit} entries of {@code channel}, newest first. */
    public List<OutboxEntry> history(String channel, int limit) {
        return store.history(channel, limit);
    }

    /** Removes the entries that became final more than the retention before {@code now}; returns how many. */
    public int prune(Instant now) {
        return store.prune(now.minus(policy.settings().retention()));
    }

    /** The pending entries held in memory, by sequence: for status pages and tests. */
    public synchronized List<OutboxEntry> pending() {
        return pending.values().stream()
                .sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .toList();
    }

    private void attempt(OutboxEntry entry) {
        AttemptOutcome outcome = send(entry);
        Instant now = clock.instant();
        DeliveryPolicy.Transition t;
        try {
            t = policy.afterAttempt(entry, outcome, now, jitter.getAsDouble());
            // the fallback copy first: enqueue skips a stored id, so a crash before recording cannot lose or double it
            t.fallback().ifPresent(copy -> enqueue(List.of(copy)));
            store.record(entry.id(), t.entry().state());
        } catch (RuntimeException e) {
            retryLater(entry, now, e);
            return;
        }
        finish(t.entry());
        for (OutboxEvent event : t.events()) {
            try {
                events.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("outbox event listener failed on {}: {}", event, e.toString());
            }
        }
    }

    /**
     * The outcome could not be recorded (the database is away): the entry stays pending as stored, and is attempted
     * again after a backoff rather than at once, so an unreachable database is not hammered.
     */
    private void retryLater(OutboxEntry entry, Instant now, RuntimeException e) {
        DeliveryState.Pending stored = (DeliveryState.Pending) entry.state();
        Duration later = policy.settings().backoff().ceiling(stored.attempts() + 1);
        LOG.warn(
                "outbox entry {} for {}: cannot record its outcome ({}), attempting again in {}",
                entry.id(),
                entry.channel(),
                e.toString(),
                later);
        finish(entry.withState(new DeliveryState.Pending(stored.attempts(), now.plus(later), stored.lastError())));
    }

    private void finish(OutboxEntry next) {
        synchronized (this) {
            inFlight.remove(next.id());
            if (next.state().isFinal()) {
                pending.remove(next.id());
            } else {
                pending.put(next.id(), next);
            }
        }
        waker.wake();
    }

    private AttemptOutcome send(OutboxEntry entry) {
        Optional<Notifier> notifier = notifiers.apply(entry.channel());
        if (notifier.isEmpty()) {
            return new AttemptOutcome.Failed(
                    "unknown channel",
                    "no notifier is configured for channel '" + entry.channel()
                            + "' (removed from the configuration?); kept until it is abandoned by age",
                    true);
        }
        try {
            return switch (notifier.get().deliver(entry.message(), entry.idempotencyKey())) {
                case Notifier.Delivery.Delivered d -> new AttemptOutcome.Succeeded();
                case Notifier.Delivery.Failed f -> new AttemptOutcome.Failed(f.reason(), f.detail(), f.retryable());
            };
        } catch (RuntimeException e) {
            return new AttemptOutcome.Failed("exception", "notifier threw " + e, true);
        }
    }

    /** Starts the background thread that runs due entries; tests drive {@link #runDue} instead. */
    public void start() {
        waker.start();
    }

    /** Stops the background thread; attempts in flight finish on their executor. */
    @Override
    public void close() {
        waker.close();
    }
}
