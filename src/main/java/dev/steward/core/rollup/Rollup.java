package dev.steward.core.rollup;

import dev.steward.core.config.CheckId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one check did during one bucket: how many probes ran, how many failed, and their latencies (min, max, sum and
 * a sketch for percentiles). A rollup always holds at least one probe. Two rollups of the same bucket {@link
 * #merge(Rollup) merge} into the rollup of all their probes, whatever the order: that is how a bucket saved in parts
 * (before and after a restart, or with late results) adds up.
 *
 * @param failures probes that ended unhealthy, whatever the reason
 * @param latencySum sum of all latencies, for the exact mean
 * @param sketch the latency distribution; its count equals {@code count}
 */
public record Rollup(
        CheckId check,
        Resolution resolution,
        Instant bucketStart,
        long count,
        long failures,
        Duration minLatency,
        Duration maxLatency,
        Duration latencySum,
        LatencySketch sketch) {

    public Rollup {
        RollupKey key = new RollupKey(check, resolution, bucketStart);
        Objects.requireNonNull(minLatency, "minLatency");
        Objects.requireNonNull(maxLatency, "maxLatency");
        Objects.requireNonNull(latencySum, "latencySum");
        Objects.requireNonNull(sketch, "sketch");
        if (count < 1) {
            throw invalid(key, "count must be at least 1, got " + count);
        }
        if (failures < 0 || failures > count) {
            throw invalid(key, "failures must be between 0 and count " + count + ", got " + failures);
        }
        if (minLatency.isNegative() || minLatency.compareTo(maxLatency) > 0) {
            throw invalid(key, "latency min " + minLatency + " must be >= 0 and <= max " + maxLatency);
        }
        if (sketch.count() != count) {
            throw invalid(key, "sketch holds " + sketch.count() + " latencies, expected count " + count);
        }
    }

    /** The rollup of a single probe result. */
    public static Rollup ofProbe(CheckId check, Resolution resolution, Instant at, boolean success, Duration latency) {
        return new Rollup(
                check,
                resolution,
                resolution.bucketStart(at),
                1,
                success ? 0 : 1,
                latency,
                latency,
                latency,
                LatencySketch.of(latency));
    }

    public RollupKey key() {
        return new RollupKey(check, resolution, bucketStart);
    }

    /** The rollup of the probes of both; both must be of the same bucket. */
    public Rollup merge(Rollup other) {
        if (!key().equals(other.key())) {
            throw new IllegalArgumentException("cannot merge rollup " + other.key() + " into " + key());
        }
        return new Rollup(
                check,
                resolution,
                bucketStart,
                count + other.count,
                failures + other.failures,
                min(minLatency, other.minLatency),
                max(maxLatency, other.maxLatency),
                latencySum.plus(other.latencySum),
                sketch.merge(other.sketch));
    }

    /** Share of probes that succeeded, 0 to 1. */
    public double uptime() {
        return 1.0 - (double) failures / count;
    }

    public Duration meanLatency() {
        return latencySum.dividedBy(count);
    }

    public Duration p50() {
        return sketch.quantile(0.50);
    }

    public Duration p95() {
        return sketch.quantile(0.95);
    }

    public Duration p99() {
        return sketch.quantile(0.99);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static IllegalArgumentException invalid(RollupKey key, String what) {
        return new IllegalArgumentException("invalid rollup " + key + ": " + what);
    }
}
