package dev.steward.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background mode of an {@link OutboxLoop}: one platform thread that runs due entries, then sleeps until the next
 * due instant or a wake-up (an enqueue, a finished attempt), whichever comes first. The wait is capped at {@link
 * #MAX_WAIT} so a wall-clock jump cannot stall deliveries for long, and the final entries past their retention are
 * pruned every {@link #PRUNE_EVERY}.
 */
final class OutboxWaker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWaker.class);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final OutboxLoop loop;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean woken;
    private volatile boolean closed;
    private Thread thread;
    private Instant lastPrune = Instant.MIN;

    OutboxWaker(OutboxLoop loop, InstantSource clock) {
        this.loop = loop;
        this.clock = clock;
    }

    synchronized void start() {
        if (thread == null && !closed) {
            thread = Thread.ofPlatform().name("steward-outbox").daemon().start(this::run);
        }
    }

    void wake() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            try {
                Instant now = clock.instant();
                loop.runDue(now);
                pruneIfTime(now);
                waitForWork(loop.nextDue());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("outbox: a round of deliveries failed, trying again: {}", e.toString());
                pauseAfterFailure();
            }
        }
    }

    private void pruneIfTime(Instant now) {
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
            lastPrune = now;
            int pruned = loop.prune(now);
            if (pruned > 0) {
                LOG.info("outbox: pruned {} final entries past their retention", pruned);
            }
        }
    }

    private void waitForWork(Optional<Instant> nextDue) throws InterruptedException {
        Duration wait = nextDue.map(at -> Duration.between(clock.instant(), at))
                .filter(d -> d.compareTo(MAX_WAIT) < 0)
                .orElse(MAX_WAIT);
        lock.lock();
        try {
            long nanos = Math.max(0, wait.toNanos());
            while (!woken && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    private void pauseAfterFailure() {
        try {
            waitForWork(Optional.of(clock.instant().plusSeconds(1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
