package dev.steward.bench;

import dev.steward.core.series.Labels;
import java.util.SplittableRandom;

/**
 * Probe-like series, as Steward's checks produce them: {@code checks} checks every 10 s, each with a
 * {@code probe_success} series (1, with rare failures lasting a few samples) and a {@code probe_duration_seconds}
 * series (a per-check base latency varying by up to ±10 %, measured in nanoseconds, so every mantissa bit is used).
 * Each check has its own phase within the interval and is up to 25 ms late at random, like a real scheduler (or
 * exactly on time when samples carry the scheduled instant).
 * Deterministic: the same seed gives the same data.
 */
public final class ProbeData {
    public static final long START = 1_709_251_190_000L; // 2024-02-29T23:59:50Z
    public static final long INTERVAL = 10_000;
    private static final int TABLE = 1 << 16;

    /** What kind of values the duration series hold. */
    public enum Latency {
        /** nanosecond-resolution seconds, e.g. 0.012345678: the realistic case */
        NANOS,
        /** rounded to whole milliseconds, e.g. 0.012 */
        MILLIS
    }

    private final int checks;
    private final Labels[] labels;
    private final long[] phase;
    private final double[] baseLatency;
    private final int[] jitter = new int[TABLE];
    private final double[] noise = new double[TABLE];
    private final Latency latency;

    /**
     * @param maxJitterMillis how late a run may be stamped, uniformly from 0 to this; 0 when samples carry the
     *     scheduled instant
     */
    public ProbeData(int checks, long seed, Latency latency, int maxJitterMillis) {
        this.checks = checks;
        this.latency = latency;
        SplittableRandom r = new SplittableRandom(seed);
        labels = new Labels[2 * checks];
        phase = new long[checks];
        baseLatency = new double[checks];
        for (int c = 0; c < checks; c++) {
            String service = "service-" + (c % 50);
            String check = "check-" + c;
            labels[2 * c] = Labels.metric(
                    "probe_success", "stack", "shop", "service", service, "check", check, "job", "steward");
            labels[2 * c + 1] = Labels.metric(
                    "probe_duration_seconds", "stack", "shop", "service", service, "check", check, "job", "steward");
            phase[c] = r.nextLong(INTERVAL);
            baseLatency[c] = 0.002 + r.nextDouble() * 0.3;
        }
        for (int i = 0; i < TABLE; i++) {
            jitter[i] = r.nextInt(0, maxJitterMillis + 1);
            noise[i] = 1 + (r.nextDouble() - 0.5) / 5;
        }
    }

    public ProbeData(int checks) {
        this(checks, 42, Latency.NANOS, 25);
    }

    public int seriesCount() {
        return 2 * checks;
    }

    public Labels labels(int series) {
        return labels[series];
    }

    /** The timestamp of a check's {@code round}-th run; both series of a check share it. */
    public long timestamp(int round, int series) {
        int c = series >> 1;
        return START + (long) round * INTERVAL + phase[c] + jitter[(round * 31 + c) & (TABLE - 1)];
    }

    public double value(int round, int series) {
        int c = series >> 1;
        if ((series & 1) == 0) {
            return ((round / 4) * 7919 + c) % 500 == 0 ? 0 : 1; // 4 failed runs in a row, 0.2 % of the time
        }
        double seconds = baseLatency[c] * noise[(round * 17 + c * 13) & (TABLE - 1)];
        return latency == Latency.NANOS ? Math.round(seconds * 1e9) / 1e9 : Math.round(seconds * 1e3) / 1e3;
    }
}
