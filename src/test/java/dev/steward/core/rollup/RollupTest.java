package dev.steward.core.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.config.CheckId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollupTest {
    private static final CheckId API = new CheckId("api", "health");
    private static final Instant LEAP_DAY = Instant.parse("2028-02-29T23:59:00Z");

    @Test
    void mergingAddsCountsAndKeepsExtremes() {
        Rollup a = Rollup.ofProbe(API, Resolution.MINUTE, LEAP_DAY.plusSeconds(1), true, Duration.ofMillis(10));
        Rollup b = Rollup.ofProbe(API, Resolution.MINUTE, LEAP_DAY.plusSeconds(59), false, Duration.ofMillis(30));
        Rollup merged = a.merge(b);
        assertThat(merged.count()).isEqualTo(2);
        assertThat(merged.failures()).isEqualTo(1);
        assertThat(merged.minLatency()).isEqualTo(Duration.ofMillis(10));
        assertThat(merged.maxLatency()).isEqualTo(Duration.ofMillis(30));
        assertThat(merged.meanLatency()).isEqualTo(Duration.ofMillis(20));
        assertThat(merged.uptime()).isEqualTo(0.5);
        assertThat(merged).isEqualTo(b.merge(a));
    }

    @Test
    void percentilesComeFromTheSketch() {
        Rollup r = Rollup.ofProbe(API, Resolution.HOUR, LEAP_DAY, true, Duration.ofMillis(1));
        for (int i = 2; i <= 100; i++) {
            r = r.merge(Rollup.ofProbe(API, Resolution.HOUR, LEAP_DAY, true, Duration.ofMillis(i)));
        }
        assertThat(r.p50().toNanos()).isCloseTo(50_000_000L, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(r.p95().toNanos()).isCloseTo(95_000_000L, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(r.p99().toNanos()).isCloseTo(99_000_000L, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(r.bucketStart()).isEqualTo(Instant.parse("2028-02-29T23:00:00Z"));
    }

    @Test
    void refusesToMergeRollupsOfDifferentBuckets() {
        Rollup a = Rollup.ofProbe(API, Resolution.MINUTE, LEAP_DAY, true, Duration.ofMillis(10));
        Rollup b = Rollup.ofProbe(API, Resolution.MINUTE, LEAP_DAY.plusSeconds(60), true, Duration.ofMillis(10));
        assertThatThrownBy(() -> a.merge(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot merge");
    }

    @Test
    void rejectsABucketStartThatIsNotAligned() {
        assertThatThrownBy(() -> new Rollup(
                        API,
                        Resolution.HOUR,
                        LEAP_DAY,
                        1,
                        0,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        LatencySketch.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not aligned to a 1h bucket (expected 2028-02-29T23:00:00Z)");
    }

    @Test
    void rejectsMoreFailuresThanProbes() {
        assertThatThrownBy(() -> new Rollup(
                        API,
                        Resolution.MINUTE,
                        LEAP_DAY,
                        1,
                        2,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        LatencySketch.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failures must be between 0 and count 1, got 2");
    }

    @Test
    void rejectsASketchWhoseCountDiffers() {
        assertThatThrownBy(() -> new Rollup(
                        API,
                        Resolution.MINUTE,
                        LEAP_DAY,
                        2,
                        0,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        LatencySketch.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sketch holds 1 latencies, expected count 2");
    }

    @Test
    void bucketStartsFloorInstantsBeforeTheEpochToo() {
        assertThat(Resolution.MINUTE.bucketStart(Instant.parse("1969-12-31T23:59:59.500Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:59:00Z"));
        assertThat(Resolution.HOUR.bucketStart(Instant.parse("2026-12-31T23:59:59.999999999Z")))
                .isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
    }
}
