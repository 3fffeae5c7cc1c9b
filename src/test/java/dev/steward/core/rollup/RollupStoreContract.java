package dev.steward.core.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.CheckId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RollupStore} must do. Subclasses give a fresh, empty store per test. Ranges are {@code from}
 * inclusive, {@code to} exclusive, on the bucket start.
 */
public abstract class RollupStoreContract {
    protected static final CheckId API = new CheckId("api", "health");
    protected static final CheckId DB = new CheckId("db", "ping");
    /** 29 February, the last minutes of a leap day. */
    protected static final Instant T0 = Instant.parse("2028-02-29T23:50:00Z");

    protected abstract RollupStore store();

    protected static Rollup probe(CheckId check, Resolution resolution, Instant at, boolean ok, long millis) {
        return Rollup.ofProbe(check, resolution, at, ok, Duration.ofMillis(millis));
    }

    @Test
    void readsBackWhatWasSaved() {
        Rollup a = probe(API, Resolution.MINUTE, T0, true, 12)
                .merge(probe(API, Resolution.MINUTE, T0.plusSeconds(30), false, 250));
        store().save(List.of(a));

        assertThat(store().query(API, Resolution.MINUTE, T0, T0.plusSeconds(60)))
                .singleElement()
                .isEqualTo(a)
                .satisfies(r -> assertThat(r.p99()).isEqualTo(a.p99()));
    }

    @Test
    void totalsAddUpEveryChecksProbesInTheRangeOfOneResolution() {
        store().save(List.of(
                probe(API, Resolution.HOUR, T0, true, 10).merge(probe(API, Resolution.HOUR, T0, false, 10)),
                probe(DB, Resolution.HOUR, T0.plusSeconds(3600), false, 10),
                probe(DB, Resolution.HOUR, T0.plusSeconds(7200), true, 10),
                probe(API, Resolution.MINUTE, T0, false, 10)));

        // buckets starting in [23:00, 01:00): the 23:00 bucket of api and the 00:00 bucket of db
        assertThat(store().totals(Resolution.HOUR, T0.minusSeconds(3000), T0.plusSeconds(4200)))
                .containsExactly(3, 2);
        assertThat(store().totals(Resolution.HOUR, T0.plusSeconds(9000), T0.plusSeconds(9999)))
                .containsExactly(0, 0);
    }

    @Test
    void mergesAPartialBucketIntoTheStoredOne() {
        Rollup beforeRestart = probe(API, Resolution.HOUR, T0, true, 10)
                .merge(probe(API, Resolution.HOUR, T0.plusSeconds(1), true, 20));
        Rollup afterRestart = probe(API, Resolution.HOUR, T0.plusSeconds(300), false, 5000);
        store().save(List.of(beforeRestart));
        store().save(List.of(afterRestart));

        Rollup stored = store().query(API, Resolution.HOUR, T0.minusSeconds(3600), T0.plusSeconds(3600))
                .getFirst();
        assertThat(stored).isEqualTo(beforeRestart.merge(afterRestart));
        assertThat(stored.count()).isEqualTo(3);
        assertThat(stored.failures()).isEqualTo(1);
        assertThat(stored.minLatency()).isEqualTo(Duration.ofMillis(10));
        assertThat(stored.maxLatency()).isEqualTo(Duration.ofMillis(5000));
        assertThat(stored.latencySum()).isEqualTo(Duration.ofMillis(5030));
    }

    @Test
    void mergesRollupsOfTheSameBucketWithinOneSave() {
        Rollup a = probe(DB, Resolution.MINUTE, T0, true, 1);
        Rollup b = probe(DB, Resolution.MINUTE, T0.plusSeconds(59), true, 3);
        store().save(List.of(a, b));

        assertThat(store().query(DB, Resolution.MINUTE, T0, T0.plusSeconds(60))).containsExactly(a.merge(b));
    }

    @Test
    void mergesHundredsOfStoredBucketsInOneSave() {
        List<Rollup> batch = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            CheckId check = new CheckId("svc" + c, "ping");
            batch.add(probe(check, Resolution.MINUTE, T0, true, c));
            batch.add(probe(check, Resolution.HOUR, T0, c % 2 == 0, c));
        }
        store().save(batch);
        store().save(batch);

        for (Rollup rollup : batch) {
            assertThat(store().query(rollup.check(), rollup.resolution(), rollup.bucketStart(), T0.plusSeconds(60)))
                    .singleElement()
                    .isEqualTo(rollup.merge(rollup));
        }
    }

    @Test
    void answersOldestFirstWhateverTheOrderOfSaving() {
        List<Rollup> rollups = new ArrayList<>();
        for (int minute = 0; minute < 20; minute++) {
            rollups.add(probe(API, Resolution.MINUTE, T0.plusSeconds(60L * minute), true, minute + 1));
        }
        List<Rollup> shuffled = new ArrayList<>(rollups);
        Collections.shuffle(shuffled, new Random(29));
        store().save(shuffled.subList(0, 10));
        store().save(shuffled.subList(10, 20));

        assertThat(store().query(API, Resolution.MINUTE, T0, T0.plusSeconds(3600)))
                .containsExactlyElementsOf(rollups);
    }

    @Test
    void includesTheFromBucketAndExcludesTheToBucket() {
        for (int minute = 0; minute < 5; minute++) {
            store().save(List.of(probe(API, Resolution.MINUTE, T0.plusSeconds(60L * minute), true, 5)));
        }
        assertThat(store().query(API, Resolution.MINUTE, T0.plusSeconds(60), T0.plusSeconds(180)))
                .extracting(Rollup::bucketStart)
                .containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
        // a from inside a bucket excludes that bucket: its start is before from
        assertThat(store().query(API, Resolution.MINUTE, T0.plusSeconds(60).plusNanos(1), T0.plusSeconds(180)))
                .extracting(Rollup::bucketStart)
                .containsExactly(T0.plusSeconds(120));
        // a to inside a bucket includes that bucket: its start is before to
        assertThat(store().query(
                                API,
                                Resolution.MINUTE,
                                T0.plusSeconds(60),
                                T0.plusSeconds(120).plusNanos(1)))
                .extracting(Rollup::bucketStart)
                .containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(store().query(API, Resolution.MINUTE, T0.plusSeconds(120), T0.plusSeconds(120)))
                .isEmpty();
    }

    @Test
    void keepsChecksAndResolutionsApart() {
        store().save(List.of(
                probe(API, Resolution.MINUTE, T0, true, 1),
                probe(API, Resolution.HOUR, T0, true, 2),
                probe(DB, Resolution.MINUTE, T0, false, 3),
                probe(new CheckId("api", "health-detailed"), Resolution.MINUTE, T0, true, 4)));

        assertThat(store().query(API, Resolution.MINUTE, T0.minusSeconds(7200), T0.plusSeconds(7200)))
                .singleElement()
                .extracting(Rollup::minLatency)
                .isEqualTo(Duration.ofMillis(1));
        assertThat(store().query(DB, Resolution.MINUTE, T0, T0.plusSeconds(60)))
                .singleElement()
                .extracting(Rollup::failures)
                .isEqualTo(1L);
        assertThat(store().query(DB, Resolution.HOUR, T0.minusSeconds(7200), T0.plusSeconds(7200)))
                .isEmpty();
    }

    @Test
    void deletesOnlyTheOldBucketsOfTheGivenResolution() {
        for (int minute = 0; minute < 5; minute++) {
            Instant at = T0.plusSeconds(60L * minute);
            store().save(List.of(
                    probe(API, Resolution.MINUTE, at, true, 5), probe(DB, Resolution.MINUTE, at, true, 5)));
        }
        store().save(List.of(probe(API, Resolution.HOUR, T0, true, 5)));

        int deleted = store().deleteBefore(Resolution.MINUTE, T0.plusSeconds(120));

        assertThat(deleted).isEqualTo(4);
        assertThat(store().query(API, Resolution.MINUTE, T0.minusSeconds(7200), T0.plusSeconds(7200)))
                .extracting(Rollup::bucketStart)
                .containsExactly(T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240));
        assertThat(store().query(API, Resolution.HOUR, T0.minusSeconds(7200), T0.plusSeconds(7200)))
                .hasSize(1);
        assertThat(store().deleteBefore(Resolution.MINUTE, T0)).isZero();
    }

    @Test
    void keepsALargeSketchIntact() {
        long seed = 4242L;
        System.out.println("keepsALargeSketchIntact seed " + seed);
        Random random = new Random(seed);
        Duration[] latencies = new Duration[50_000];
        for (int i = 0; i < latencies.length; i++) {
            // 1 us to about 100 s, spread over eight orders of magnitude
            latencies[i] = Duration.ofNanos((long) Math.pow(10, 3 + 8 * random.nextDouble()));
        }
        LatencySketch sketch = LatencySketch.of(latencies);
        Duration min =
                java.util.Arrays.stream(latencies).min(Duration::compareTo).orElseThrow();
        Duration max =
                java.util.Arrays.stream(latencies).max(Duration::compareTo).orElseThrow();
        Duration sum = java.util.Arrays.stream(latencies).reduce(Duration.ZERO, Duration::plus);
        Rollup big = new Rollup(
                API, Resolution.HOUR, Resolution.HOUR.bucketStart(T0), latencies.length, 17, min, max, sum, sketch);
        store().save(List.of(big));

        Rollup read = store().query(API, Resolution.HOUR, Resolution.HOUR.bucketStart(T0), T0.plusSeconds(3600))
                .getFirst();
        assertThat(read).isEqualTo(big);
        assertThat(read.p95()).isEqualTo(big.p95());
    }

    @Test
    void countsEveryOneOfManyConcurrentSavesOfTheSameBucket() throws Exception {
        int threads = 8;
        int savesPerThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Rollup>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    Rollup mine = null;
                    for (int i = 0; i < savesPerThread; i++) {
                        Rollup one =
                                probe(API, Resolution.MINUTE, T0.plusSeconds(i % 60), i % 5 != 0, 1 + thread * 100 + i);
                        // also a bucket of its own, so saves hold more than one row
                        Rollup other = probe(DB, Resolution.MINUTE, T0.plusSeconds(60L * (thread + 1)), true, i);
                        store().save(List.of(other, one));
                        mine = mine == null ? one : mine.merge(one);
                    }
                    return mine;
                }));
            }
            start.countDown();
            Rollup expected = null;
            for (Future<Rollup> result : results) {
                expected = expected == null ? result.get() : expected.merge(result.get());
            }
            assertThat(store().query(API, Resolution.MINUTE, T0, T0.plusSeconds(60)))
                    .singleElement()
                    .isEqualTo(expected)
                    .extracting(Rollup::count)
                    .isEqualTo((long) threads * savesPerThread);
            assertThat(store().query(DB, Resolution.MINUTE, T0, T0.plusSeconds(3600)))
                    .hasSize(threads)
                    .allSatisfy(r -> assertThat(r.count()).isEqualTo(savesPerThread));
        }
    }

    @Test
    void anEmptySaveChangesNothing() {
        store().save(List.of());
        assertThat(store().query(API, Resolution.MINUTE, T0.minusSeconds(86_400), T0.plusSeconds(86_400)))
                .isEmpty();
    }
}
