package dev.steward.core.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.config.CheckId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupAccumulatorTest {
    private static final CheckId API = new CheckId("api", "health");
    private static final CheckId DB = new CheckId("db", "ping");
    /** The last minute of a year, so the hour, the day and the year all end together. */
    private static final Instant T0 = Instant.parse("2026-12-31T23:59:00Z");

    private final RollupAccumulator accumulator = new RollupAccumulator();

    @Test
    void drainsAMinuteBucketOnlyOnceItHasEnded() {
        accumulator.record(API, T0.plusMillis(100), true, Duration.ofMillis(12));
        accumulator.record(API, T0.plusSeconds(30), false, Duration.ofMillis(40));

        assertThat(accumulator.drainCompleted(T0.plusSeconds(59).plusMillis(999)))
                .isEmpty();
        List<Rollup> drained = accumulator.drainCompleted(T0.plusSeconds(60));

        assertThat(drained).hasSize(2); // the minute and the hour 23:00, both ending at midnight
        Rollup minute = drained.getFirst();
        assertThat(minute.resolution()).isEqualTo(Resolution.MINUTE);
        assertThat(minute.bucketStart()).isEqualTo(T0);
        assertThat(minute.count()).isEqualTo(2);
        assertThat(minute.failures()).isEqualTo(1);
        assertThat(minute.minLatency()).isEqualTo(Duration.ofMillis(12));
        assertThat(minute.maxLatency()).isEqualTo(Duration.ofMillis(40));
        assertThat(minute.latencySum()).isEqualTo(Duration.ofMillis(52));
        assertThat(drained.get(1).resolution()).isEqualTo(Resolution.HOUR);
        assertThat(drained.get(1).bucketStart()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(accumulator.openBuckets()).isZero();
        assertThat(accumulator.drainCompleted(T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void keepsTheHourOpenWhileItsMinutesAreDrained() {
        Instant hour = Instant.parse("2027-01-01T00:00:00Z");
        for (int minute = 0; minute < 3; minute++) {
            accumulator.record(API, hour.plusSeconds(60L * minute + 5), true, Duration.ofMillis(10 + minute));
        }
        List<Rollup> drained = accumulator.drainCompleted(hour.plusSeconds(180));
        assertThat(drained).extracting(Rollup::resolution).containsOnly(Resolution.MINUTE);
        assertThat(drained)
                .extracting(Rollup::bucketStart)
                .containsExactly(hour, hour.plusSeconds(60), hour.plusSeconds(120));
        assertThat(accumulator.openBuckets()).isEqualTo(1);

        Rollup hourly = accumulator.drainCompleted(hour.plusSeconds(3600)).getFirst();
        assertThat(hourly.resolution()).isEqualTo(Resolution.HOUR);
        assertThat(hourly.count()).isEqualTo(3);
        assertThat(hourly.latencySum()).isEqualTo(Duration.ofMillis(33));
    }

    @Test
    void aLateResultReopensItsBucketForTheStoreToMerge() {
        accumulator.record(API, T0.plusSeconds(10), true, Duration.ofMillis(5));
        assertThat(accumulator.drainCompleted(T0.plusSeconds(61))).hasSize(2);

        accumulator.record(API, T0.plusSeconds(59), false, Duration.ofMillis(7));
        List<Rollup> late = accumulator.drainCompleted(T0.plusSeconds(62));

        assertThat(late).hasSize(2);
        assertThat(late.getFirst().key()).isEqualTo(new RollupKey(API, Resolution.MINUTE, T0));
        assertThat(late.getFirst().count()).isEqualTo(1);
        assertThat(late.getFirst().failures()).isEqualTo(1);
    }

    @Test
    void drainAllHandsOverOpenBucketsOrderedByCheckResolutionAndTime() {
        accumulator.record(DB, T0.plusSeconds(70), true, Duration.ofMillis(1));
        accumulator.record(API, T0.plusSeconds(5), true, Duration.ofMillis(2));
        accumulator.record(API, T0.plusSeconds(65), true, Duration.ofMillis(3));

        List<Rollup> all = accumulator.drainAll();

        assertThat(all)
                .extracting(Rollup::key)
                .containsExactly(
                        new RollupKey(API, Resolution.MINUTE, T0),
                        new RollupKey(API, Resolution.MINUTE, T0.plusSeconds(60)),
                        new RollupKey(API, Resolution.HOUR, Instant.parse("2026-12-31T23:00:00Z")),
                        new RollupKey(API, Resolution.HOUR, Instant.parse("2027-01-01T00:00:00Z")),
                        new RollupKey(DB, Resolution.MINUTE, T0.plusSeconds(60)),
                        new RollupKey(DB, Resolution.HOUR, Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(accumulator.openBuckets()).isZero();
    }

    @Test
    void keepsTwoOpenBucketsPerCheckWhenDrainedEveryMinute() {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        for (int second = 0; second < 600; second++) {
            Instant now = start.plusSeconds(second);
            for (int c = 0; c < 100; c++) {
                accumulator.record(new CheckId("svc" + c, "ping"), now, c % 7 != 0, Duration.ofMillis(c));
            }
            accumulator.drainCompleted(now);
            assertThat(accumulator.openBuckets()).isEqualTo(200);
        }
    }

    @Test
    void theMinuteAndHourBucketsAgreeOnTotals() {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        long minuteCount = 0;
        long minuteFailures = 0;
        Duration minuteSum = Duration.ZERO;
        for (int second = 0; second < 3600; second += 7) {
            accumulator.record(API, start.plusSeconds(second), second % 5 != 0, Duration.ofMillis(second % 97));
        }
        Rollup hour = null;
        for (Rollup r : accumulator.drainCompleted(start.plusSeconds(3600))) {
            if (r.resolution() == Resolution.MINUTE) {
                minuteCount += r.count();
                minuteFailures += r.failures();
                minuteSum = minuteSum.plus(r.latencySum());
            } else {
                hour = r;
            }
        }
        assertThat(hour).isNotNull();
        assertThat(hour.count()).isEqualTo(minuteCount);
        assertThat(hour.failures()).isEqualTo(minuteFailures);
        assertThat(hour.latencySum()).isEqualTo(minuteSum);
    }

    @Test
    void rejectsANegativeLatencyWithoutTouchingAnyBucket() {
        assertThatThrownBy(() -> accumulator.record(API, T0, true, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency must not be negative");
        assertThat(accumulator.openBuckets()).isZero();
    }
}
