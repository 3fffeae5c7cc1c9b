package dev.steward.core.series;

import static dev.steward.core.series.LabelMatcher.eq;
import static dev.steward.core.series.LabelMatcher.metricName;
import static dev.steward.core.series.LabelMatcher.neq;
import static dev.steward.core.series.LabelMatcher.nre;
import static dev.steward.core.series.LabelMatcher.re;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySeriesStoreTest {
    /** 2024-02-29T23:59:50Z: an awkward instant to start from. */
    private static final long T0 = 1_709_251_190_000L;

    private final MemorySeriesStore store = new MemorySeriesStore();

    private static final Labels UP_API = Labels.metric("up", "job", "api", "env", "prod");
    private static final Labels UP_DB = Labels.metric("up", "job", "db", "env", "prod");
    private static final Labels UP_WEB_DEV = Labels.metric("up", "job", "web", "env", "dev");
    private static final Labels LATENCY_API = Labels.metric("latency_seconds", "job", "api");
    private static final Labels NO_ENV = Labels.metric("up", "job", "cron");

    private void loadFive() {
        for (Labels l : List.of(UP_API, UP_DB, UP_WEB_DEV, LATENCY_API, NO_ENV)) {
            for (int i = 0; i < 10; i++) {
                store.append(l, T0 + i * 10_000L, i);
            }
        }
    }

    private List<Labels> select(LabelMatcher... matchers) {
        return store.series(List.of(matchers), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void equalityMatchersIntersectPostings() {
        loadFive();
        assertThat(select(metricName("up"), eq("env", "prod"))).containsExactly(UP_API, UP_DB);
        assertThat(select(eq("job", "api"))).containsExactly(LATENCY_API, UP_API);
        assertThat(select(eq("job", "nope"))).isEmpty();
        assertThat(select(eq("nolabel", "x"))).isEmpty();
    }

    @Test
    void negativeAndRegexMatchersFollowPrometheusSemantics() {
        loadFive();
        assertThat(select(metricName("up"), neq("env", "prod"))).containsExactly(UP_WEB_DEV, NO_ENV);
        assertThat(select(metricName("up"), re("job", "a.*|d.*"))).containsExactly(UP_API, UP_DB);
        assertThat(select(metricName("up"), nre("job", "a.*|d.*"))).containsExactly(UP_WEB_DEV, NO_ENV);
        assertThat(select(metricName("up"), re("env", ".+"))).containsExactly(UP_WEB_DEV, UP_API, UP_DB);
        assertThat(select(metricName("up"), eq("env", ""))).containsExactly(NO_ENV);
    }

    @Test
    void selectorsWithOnlyEmptyMatchingMatchersStartFromAllSeries() {
        loadFive();
        assertThat(select(neq("env", "prod"))).containsExactly(LATENCY_API, UP_WEB_DEV, NO_ENV);
        assertThat(select(nre("__name__", "up"))).containsExactly(LATENCY_API);
        assertThat(select()).hasSize(5);
    }

    @Test
    void selectionKeepsOnlySamplesInTheRangeAndSeriesThatHaveSome() {
        loadFive();
        store.append(Labels.metric("late"), T0 + 1_000_000, 1);
        List<SelectedSeries> got = store.select(List.of(eq("job", "api")), T0 + 20_000, T0 + 40_000);
        assertThat(got).extracting(SelectedSeries::labels).containsExactly(LATENCY_API, UP_API);
        assertThat(got.getFirst().samples())
                .containsExactly(new Sample(T0 + 20_000, 2), new Sample(T0 + 30_000, 3), new Sample(T0 + 40_000, 4));
        assertThat(store.series(List.of(), T0 + 500_000, T0 + 2_000_000)).containsExactly(Labels.metric("late"));
        assertThat(store.series(List.of(), T0 + 95_000, T0 + 99_000)).isEmpty();
    }

    @Test
    void aSnapshotDoesNotSeeLaterAppends() {
        store.append(UP_API, T0, 1);
        SelectedSeries snap =
                store.select(List.of(metricName("up")), 0, Long.MAX_VALUE).getFirst();
        store.append(UP_API, T0 + 10_000, 0);
        assertThat(snap.samples()).containsExactly(new Sample(T0, 1));
    }

    @Test
    void outOfOrderAndDuplicateSamplesAreRejectedAndCounted() {
        SeriesRef ref = store.getOrCreate(UP_API);
        assertThat(store.append(ref, T0, 1)).isEqualTo(AppendOutcome.APPENDED);
        assertThat(store.append(ref, T0 - 1, 1)).isEqualTo(AppendOutcome.OUT_OF_ORDER);
        assertThat(store.append(ref, T0, 2)).isEqualTo(AppendOutcome.DUPLICATE_TIMESTAMP);
        assertThat(store.append(ref, T0 + 1, 3)).isEqualTo(AppendOutcome.APPENDED);
        SeriesStoreStats stats = store.stats();
        assertThat(stats.samples()).isEqualTo(2);
        assertThat(stats.outOfOrderTotal()).isEqualTo(1);
        assertThat(stats.duplicateTotal()).isEqualTo(1);
        assertThat(store.select(List.of(), 0, Long.MAX_VALUE).getFirst().samples())
                .containsExactly(new Sample(T0, 1), new Sample(T0 + 1, 3));
    }

    @Test
    void staleMarkersAreStoredAndToldApartFromNaN() {
        store.append(UP_API, T0, Double.NaN);
        store.append(UP_API, T0 + 1, StaleMarker.VALUE);
        List<Sample> got = store.select(List.of(), 0, Long.MAX_VALUE).getFirst().samples();
        assertThat(StaleMarker.isStaleMarker(got.get(0).value())).isFalse();
        assertThat(Double.isNaN(got.get(0).value())).isTrue();
        assertThat(StaleMarker.isStaleMarker(got.get(1).value())).isTrue();
    }

    @Test
    void labelNamesAndValuesComeFromTheIndexOrTheMatchedSeries() {
        loadFive();
        assertThat(store.labelNames(List.of())).containsExactly("__name__", "env", "job");
        assertThat(store.labelNames(List.of(metricName("latency_seconds")))).containsExactly("__name__", "job");
        assertThat(store.labelValues("job", List.of())).containsExactly("api", "cron", "db", "web");
        assertThat(store.labelValues("job", List.of(eq("env", "prod")))).containsExactly("api", "db");
        assertThat(store.labelValues("absent", List.of())).isEmpty();
    }

    @Test
    void chunksAreCutAtTheSampleLimitAndTheSpanLimit() {
        MemorySeriesStore small = new MemorySeriesStore(
                SeriesStoreSettings.DEFAULTS.withSamplesPerChunk(10).withMaxChunkSpanMillis(60_000));
        for (int i = 0; i < 25; i++) {
            small.append(UP_API, T0 + i, i); // 10 + 10 + 5 by count
        }
        for (int i = 0; i < 4; i++) {
            small.append(UP_DB, T0 + i * 30_000L, i); // 2 + 2 by span
        }
        assertThat(small.stats().chunks()).isEqualTo(3 + 2);
        assertThat(small.select(List.of(eq("job", "api")), 0, Long.MAX_VALUE)
                        .getFirst()
                        .samples())
                .hasSize(25)
                .last()
                .isEqualTo(new Sample(T0 + 24, 24));
    }

    @Test
    void truncationDropsOldChunksAndSeriesLeftEmptyFromTheIndex() {
        MemorySeriesStore small = new MemorySeriesStore(SeriesStoreSettings.DEFAULTS.withSamplesPerChunk(10));
        for (int i = 0; i < 30; i++) {
            small.append(UP_API, T0 + i * 1000L, i); // chunks end at +9 s, +19 s, head to +29 s
        }
        small.append(UP_WEB_DEV, T0, 1); // only old data
        Dropped dropped = small.truncateBefore(T0 + 10_000);
        assertThat(dropped).isEqualTo(new Dropped(2, 11, 1));
        assertThat(small.labelValues("env", List.of())).containsExactly("prod");
        assertThat(small.labelValues("job", List.of())).containsExactly("api");
        assertThat(small.series(List.of(eq("env", "dev")), 0, Long.MAX_VALUE)).isEmpty();
        assertThat(small.select(List.of(), 0, Long.MAX_VALUE).getFirst().samples())
                .first()
                .isEqualTo(new Sample(T0 + 10_000, 10));
        SeriesStoreStats stats = small.stats();
        assertThat(stats.series()).isEqualTo(1);
        assertThat(stats.samples()).isEqualTo(20);
        assertThat(stats.retentionDroppedSamples()).isEqualTo(11);
        assertThat(stats.seriesRemovedTotal()).isEqualTo(1);
    }

    @Test
    void aHandleOnARemovedSeriesRecreatesItOnAppend() {
        SeriesRef ref = store.getOrCreate(UP_API);
        store.append(ref, T0, 1);
        store.truncateBefore(T0 + 1);
        assertThat(store.stats().series()).isZero();
        assertThat(store.append(ref, T0 + 10, 2)).isEqualTo(AppendOutcome.APPENDED);
        assertThat(store.series(List.of(eq("job", "api")), 0, Long.MAX_VALUE)).containsExactly(UP_API);
        assertThat(store.select(List.of(), 0, Long.MAX_VALUE).getFirst().samples())
                .containsExactly(new Sample(T0 + 10, 2));
    }

    @Test
    void theBudgetDropsTheOldestClosedChunksFirstAndCountsThem() {
        SeriesStoreSettings settings = SeriesStoreSettings.DEFAULTS.withSamplesPerChunk(10);
        MemorySeriesStore budgeted = new MemorySeriesStore(settings);
        for (int i = 0; i < 50; i++) {
            budgeted.append(UP_API, T0 + i * 1000L, i * 1.5); // old series: 4 closed chunks and a head
            budgeted.append(UP_DB, T0 + 100_000 + i * 1000L, i * 2.5); // newer series
        }
        long before = budgeted.stats().chunkBytes();
        long budget = before - 1;
        budgeted = withBudget(budgeted, settings, budget);
        Dropped dropped = budgeted.enforceBudget();
        SeriesStoreStats stats = budgeted.stats();
        assertThat(stats.chunkBytes()).isLessThanOrEqualTo(budget - budget / 10);
        assertThat(dropped.chunks()).isBetween(1L, 4L);
        assertThat(stats.budgetDroppedChunks()).isEqualTo(dropped.chunks());
        assertThat(stats.budgetDroppedSamples()).isEqualTo(dropped.samples()).isEqualTo(10 * dropped.chunks());
        List<SelectedSeries> left = budgeted.select(List.of(), 0, Long.MAX_VALUE);
        List<Sample> api = left.get(0).samples();
        List<Sample> db = left.get(1).samples();
        assertThat(api.size() + db.size()).isEqualTo(100 - dropped.samples());
        // the API series' four closed chunks are all older than the DB series' ones: they go first
        assertThat(db).hasSize(50);
        assertThat(api).hasSize(50 - (int) dropped.samples());
        assertThat(budgeted.enforceBudget()).isEqualTo(Dropped.NOTHING);
    }

    private static MemorySeriesStore withBudget(MemorySeriesStore source, SeriesStoreSettings s, long budget) {
        MemorySeriesStore copy = new MemorySeriesStore(s.withChunkBytesBudget(budget));
        for (SelectedSeries series : source.select(List.of(), Long.MIN_VALUE, Long.MAX_VALUE)) {
            for (Sample sample : series.samples()) {
                copy.append(series.labels(), sample.timestamp(), sample.value());
            }
        }
        return copy;
    }

    @Test
    void statsAccountForEveryHeldSampleAndEstimateTheIndex() {
        loadFive();
        SeriesStoreStats stats = store.stats();
        assertThat(stats.series()).isEqualTo(5);
        assertThat(stats.samples()).isEqualTo(50);
        assertThat(stats.chunks()).isEqualTo(5);
        assertThat(stats.chunkPayloadBytes()).isPositive().isLessThan(stats.chunkBytes());
        assertThat(stats.indexBytes()).isPositive();
    }

    @Test
    void internsLabelStringsSharedBySeries() {
        store.append(Labels.metric(new String("up"), new String("job"), new String("api")), T0, 1);
        store.append(Labels.metric(new String("up"), new String("job"), new String("db")), T0, 1);
        List<Labels> all = store.series(List.of(), 0, Long.MAX_VALUE);
        assertThat(all.get(0).metricName()).isSameAs(all.get(1).metricName());
        assertThat(all.get(0).nameAt(1)).isSameAs(all.get(1).nameAt(1));
    }
}
