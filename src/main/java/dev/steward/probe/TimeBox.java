package dev.steward.probe;

import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Bounds a probe that drives a blocking client (JDBC, Jedis) whose own timeouts do not cover every step (name
 * resolution, second-granular driver settings). The work runs on its own virtual thread; when the limit passes, the
 * caller gets a TIMEOUT, and the resource the work registered (its connection) is closed so the abandoned thread ends
 * soon after instead of lingering on a dead target. The work should honour the deadline itself where its client can
 * (and so report what it saw); the box is the backstop and waits {@link #GRACE} longer than the limit.
 */
public final class TimeBox {
    /** How much longer than the limit the box waits for work that keeps its own deadline. */
    public static final Duration GRACE = Duration.ofMillis(40);

    private TimeBox() {}

    /** Where the work registers what must be closed if it is abandoned. */
    public static final class Abort {
        private final AtomicReference<AutoCloseable> resource = new AtomicReference<>();
        private volatile boolean abandoned;

        /** Registers {@code closeable}; closes it at once if the work was already abandoned. */
        public void onAbandon(AutoCloseable closeable) {
            resource.set(closeable);
            if (abandoned) {
                closeQuietly(closeable);
            }
        }

        public boolean abandoned() {
            return abandoned;
        }

        void abandon() {
            abandoned = true;
            AutoCloseable c = resource.get();
            if (c != null) {
                closeQuietly(c);
            }
        }
    }

    /**
     * Runs {@code work} and waits at most {@code limit} for it.
     *
     * @param target the target's display name, for the timeout message
     * @param startNanos when the probe started ({@link System#nanoTime()}), for the latency of a timeout
     */
    public static ProbeObservation run(
            String threadName, String target, Duration limit, long startNanos, Function<Abort, ProbeObservation> work) {
        Abort abort = new Abort();
        CompletableFuture<ProbeObservation> result = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name(threadName).start(() -> {
            try {
                result.complete(work.apply(abort));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        long remaining = limit.plus(GRACE).toNanos() - (System.nanoTime() - startNanos);
        try {
            return result.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abort.abandon();
            thread.interrupt();
            return ProbeObservation.failed(
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    Failure.of(
                            FailureKind.TIMEOUT, "no answer from " + target + " within " + limit.toMillis() + " ms"));
        } catch (ExecutionException e) {
            return ProbeObservation.failed(
                    Duration.ofNanos(System.nanoTime() - startNanos), FailureClassifier.classify(e.getCause(), target));
        } catch (InterruptedException e) {
            abort.abandon();
            thread.interrupt();
            Thread.currentThread().interrupt();
            return ProbeObservation.failed(
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    Failure.of(FailureKind.TIMEOUT, "probe of " + target + " interrupted"));
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a connection the probe has given up on; nothing useful can be done with a failure here
        }
    }
}
