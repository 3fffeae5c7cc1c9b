package dev.steward.engine;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long one kind of work held a loop's lock (a pause for everyone else waiting on it): count, sum, maximum and
 * quantiles since start, from a monotonic ticker. For {@code /metrics} and the benchmarks.
 */
public final class PauseStats {
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();
    private final DDSketch sketch = DDSketches.unboundedDense(0.01);

    void record(long pauseNanos) {
        long n = Math.max(0, pauseNanos);
        count.increment();
        nanos.add(n);
        maxNanos.accumulateAndGet(n, Math::max);
        lastNanos.set(n);
        synchronized (sketch) {
            sketch.accept(n / 1e9);
        }
    }

    public long count() {
        return count.sum();
    }

    public double secondsSum() {
        return nanos.sum() / 1e9;
    }

    public double secondsMax() {
        return maxNanos.get() / 1e9;
    }

    public double secondsLast() {
        return lastNanos.get() / 1e9;
    }

    /** A quantile in seconds (1 % relative accuracy), 0 before the first pause. */
    public double secondsQuantile(double q) {
        synchronized (sketch) {
            return sketch.isEmpty() ? 0 : sketch.getValueAtQuantile(q);
        }
    }
}
