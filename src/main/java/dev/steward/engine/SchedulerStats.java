package dev.steward.engine;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the check loop for {@code /metrics}: probes run and failed, probes rejected by the executor, and the
 * scheduling lag (how late a probe started after its due instant) as a sum, a count, a maximum and quantiles
 * since start.
 */
public final class SchedulerStats {
    private final LongAdder probes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder lagCount = new LongAdder();
    private final LongAdder lagNanos = new LongAdder();
    private final AtomicLong lagMaxNanos = new AtomicLong();
    private final DDSketch lagSketch = DDSketches.unboundedDense(0.01);
    private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> firstStart =
            new java.util.concurrent.atomic.AtomicReference<>();

    void probed(boolean success) {
        probes.increment();
        if (!success) {
            failures.increment();
        }
    }

    void rejected() {
        rejected.increment();
    }

    void started(java.time.Instant at) {
        firstStart.compareAndSet(null, at);
    }

    /** When the first probe started, if one has. */
    public java.util.Optional<java.time.Instant> firstProbeStart() {
        return java.util.Optional.ofNullable(firstStart.get());
    }

    void lag(Duration lag) {
        long nanos = Math.max(0, lag.toNanos());
        lagCount.increment();
        lagNanos.add(nanos);
        lagMaxNanos.accumulateAndGet(nanos, Math::max);
        synchronized (lagSketch) {
            lagSketch.accept(nanos / 1e9);
        }
    }

    /** A quantile of the scheduling lag in seconds (1 % relative accuracy), 0 before the first probe. */
    public double lagSecondsQuantile(double q) {
        synchronized (lagSketch) {
            return lagSketch.isEmpty() ? 0 : lagSketch.getValueAtQuantile(q);
        }
    }

    public long probes() {
        return probes.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public long rejectedCount() {
        return rejected.sum();
    }

    public long lagCount() {
        return lagCount.sum();
    }

    public double lagSecondsSum() {
        return lagNanos.sum() / 1e9;
    }

    public double lagSecondsMax() {
        return lagMaxNanos.get() / 1e9;
    }
}
