package dev.steward.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** Many virtual threads append while others select: totals and per-series order come out exact. */
class ConcurrentAppendTest {
    private static final int THREADS = 64;
    private static final int SERIES_PER_THREAD = 20;
    private static final int SAMPLES = 300;

    @Test
    void everyAppendFromManyThreadsIsKeptInOrder() throws Exception {
        MemorySeriesStore store = new MemorySeriesStore();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> appendAll(store, thread, start)));
            }
            futures.add(pool.submit(() -> selectWhileAppending(store, start)));
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        SeriesStoreStats stats = store.stats();
        long sharedAppended = sharedAccepted.sum();
        assertThat(stats.series()).isEqualTo(THREADS * SERIES_PER_THREAD + 1);
        assertThat(stats.samples()).isEqualTo((long) THREADS * SERIES_PER_THREAD * SAMPLES + sharedAppended);
        assertThat(sharedAppended + stats.outOfOrderTotal() + stats.duplicateTotal())
                .isEqualTo((long) THREADS * SAMPLES);
        for (SelectedSeries s : store.select(List.of(), Long.MIN_VALUE, Long.MAX_VALUE)) {
            List<Sample> samples = s.samples();
            long expected = s.labels().has("thread") ? SAMPLES : sharedAppended;
            assertThat(samples).as("%s", s.labels()).hasSize((int) expected);
            for (int i = 1; i < samples.size(); i++) {
                assertThat(samples.get(i).timestamp())
                        .isGreaterThan(samples.get(i - 1).timestamp());
            }
        }
    }

    @Test
    void retentionRunningDuringAppendsNeverLosesCountOfASample() throws Exception {
        MemorySeriesStore store = new MemorySeriesStore(SeriesStoreSettings.DEFAULTS.withSamplesPerChunk(8));
        LongAdder appended = new LongAdder();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    SeriesRef ref = store.getOrCreate(Labels.metric("m", "thread", Integer.toString(thread)));
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        // every fifth series goes quiet half way, so retention removes it while others append
                        if (thread % 5 == 0 && i > 1_000) {
                            break;
                        }
                        if (store.append(ref, i * 1_000L, i).appended()) {
                            appended.increment();
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 400; i++) {
                    store.truncateBefore(i * 5_000L);
                }
                return null;
            }));
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        SeriesStoreStats stats = store.stats();
        assertThat(appended.sum()).isEqualTo(12 * 2_000 + 4 * 1_001);
        assertThat(stats.samples() + stats.retentionDroppedSamples()).isEqualTo(appended.sum());
        long held = 0;
        for (SelectedSeries s : store.select(List.of(), Long.MIN_VALUE, Long.MAX_VALUE)) {
            held += s.samples().size();
        }
        assertThat(held).isEqualTo(stats.samples());
        assertThat(store.series(List.of(), Long.MIN_VALUE, Long.MAX_VALUE)).hasSize((int) stats.series());
    }

    private final LongAdder sharedAccepted = new LongAdder();

    private Void appendAll(MemorySeriesStore store, int thread, CountDownLatch start) throws Exception {
        SeriesRef[] refs = new SeriesRef[SERIES_PER_THREAD];
        for (int s = 0; s < SERIES_PER_THREAD; s++) {
            refs[s] = store.getOrCreate(
                    Labels.metric("probe_success", "thread", Integer.toString(thread), "s", Integer.toString(s)));
        }
        start.await();
        Labels shared = Labels.metric("shared_total");
        for (int i = 0; i < SAMPLES; i++) {
            for (SeriesRef ref : refs) {
                assertThat(store.append(ref, i * 10_000L, i % 2)).isEqualTo(AppendOutcome.APPENDED);
            }
            // one series shared by all threads, in order per thread only: some samples arrive late and are
            // rejected; whatever the interleaving, every sample is either kept or counted as rejected
            if (store.append(shared, (long) i * THREADS + thread, thread).appended()) {
                sharedAccepted.increment();
            }
        }
        return null;
    }

    private static Void selectWhileAppending(MemorySeriesStore store, CountDownLatch start) throws Exception {
        start.await();
        for (int i = 0; i < 50; i++) {
            for (SelectedSeries s : store.select(List.of(LabelMatcher.re("thread", "1.*")), 0, Long.MAX_VALUE)) {
                List<Sample> samples = s.samples();
                for (int j = 1; j < samples.size(); j++) {
                    assertThat(samples.get(j).timestamp())
                            .isGreaterThan(samples.get(j - 1).timestamp());
                }
            }
        }
        return null;
    }
}
