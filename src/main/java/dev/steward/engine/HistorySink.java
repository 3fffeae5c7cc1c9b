package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.history.CheckEventStore;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every status change of a check in the event store (the check's timeline), and restores states from it.
 *
 * <p>Probes run on virtual threads, and a JDBC driver that blocks in native code (SQLite) pins their carrier threads:
 * with one event per check at start, every carrier could end up waiting on the database lock held by a virtual thread
 * that can no longer run. So probe threads only queue the event; one platform thread writes the queue to the store in
 * batches, one transaction each. {@link #close()} writes what is left.
 */
public final class HistorySink implements ResultSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistorySink.class);
    private static final int BATCH = 1_000;

    private final CheckEventStore events;
    private final BlockingQueue<CheckEvent> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /** A sink that writes from its own platform thread. */
    public HistorySink(CheckEventStore events) {
        this(events, true);
    }

    /** With {@code background = false}, events wait in the queue until {@link #flush()} (tests drive it by hand). */
    public HistorySink(CheckEventStore events, boolean background) {
        this.events = events;
        this.writer = background
                ? Thread.ofPlatform().name("steward-history-writer").daemon().start(this::writeLoop)
                : null;
    }

    @Override
    public void accept(CheckConfig check, ProbeResult result, CheckState state, Optional<CheckStatusChanged> change) {
        change.ifPresent(
                c -> queue.add(new CheckEvent(c.at(), c.check(), c.from().name(), c.to().name(), c.reason())));
    }

    private void writeLoop() {
        while (running) {
            try {
                CheckEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    List<CheckEvent> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Writes every queued event now, on the caller's thread. */
    public void flush() {
        List<CheckEvent> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch = new ArrayList<>();
        }
    }

    private void write(List<CheckEvent> batch) {
        try {
            events.appendAll(batch);
        } catch (RuntimeException e) {
            // keep them for the next attempt rather than lose a status change
            LOG.warn("could not record {} check status changes (will retry): {}", batch.size(), e.getMessage());
            queue.addAll(batch);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L); // back off before the retry
        }
    }

    @Override
    public void close() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    /** The state a check was last known to be in, from its latest recorded change. */
    public static Optional<CheckState> restore(CheckEvent latest) {
        return switch (latest.toState()) {
            case "UP" -> Optional.of(new CheckState.Up(latest.at(), 0, Optional.empty()));
            case "DOWN" -> Optional.of(new CheckState.Down(latest.at(), failureOf(latest.reason()), 0));
            default -> Optional.empty();
        };
    }

    /** Reasons are written as {@code kind: message} by {@link Failure#describe()}. */
    static Failure failureOf(String reason) {
        int colon = reason.indexOf(':');
        if (colon > 0) {
            try {
                FailureKind kind =
                        FailureKind.valueOf(reason.substring(0, colon).toUpperCase(Locale.ROOT));
                return Failure.of(kind, reason.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                // not a kind: keep the whole reason below
            }
        }
        return Failure.of(FailureKind.PROTOCOL, reason);
    }
}
