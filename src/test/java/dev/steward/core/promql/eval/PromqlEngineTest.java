package dev.steward.core.promql.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.steward.core.promql.EngineSettings;
import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.PromqlEngine;
import dev.steward.core.promql.QueryResult;
import dev.steward.core.promql.QueryValue;
import dev.steward.core.series.Labels;
import dev.steward.core.series.MemorySeriesStore;
import dev.steward.core.series.StaleMarker;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromqlEngineTest {
    private static final long MIN = 60_000;
    private final MemorySeriesStore store = new MemorySeriesStore();
    private final PromqlEngine engine = new PromqlEngine(store);

    private void series(Labels labels, long stepMillis, double... values) {
        for (int i = 0; i < values.length; i++) {
            store.append(labels, i * stepMillis, values[i]);
        }
    }

    private List<QueryValue.VectorSample> vector(String q, long t) throws PromQLException {
        return ((QueryValue.Vector) engine.instant(q, t).value()).samples();
    }

    private double scalar(String q) throws PromQLException {
        return ((QueryValue.Scalar) engine.instant(q, 0).value()).value();
    }

    @Test
    void instantSelectorLooksBackFiveMinutesAndNoFurther() throws Exception {
        store.append(Labels.metric("up", "job", "api"), 0, 1);
        assertThat(vector("up", 5 * MIN - 1)).hasSize(1);
        assertThat(vector("up", 5 * MIN)).isEmpty();
        PromqlEngine shortLookback = new PromqlEngine(store, EngineSettings.DEFAULTS.withLookbackDeltaMillis(MIN));
        assertThat(((QueryValue.Vector) shortLookback.instant("up", 2 * MIN).value()).samples())
                .isEmpty();
    }

    @Test
    void staleMarkerHidesSeriesAtOnce() throws Exception {
        Labels up = Labels.metric("up");
        store.append(up, 0, 1);
        store.append(up, 30_000, StaleMarker.VALUE);
        assertThat(vector("up", 10_000)).hasSize(1);
        assertThat(vector("up", 30_000)).isEmpty();
        assertThat(vector("count_over_time(up[1m])", 40_000).get(0).value()).isEqualTo(1);
    }

    @Test
    void rateExtrapolatesToTheWindowEdgesLikePrometheus() throws Exception {
        series(
                Labels.metric("req_total"),
                15_000,
                0,
                15,
                30,
                45,
                60,
                75,
                90,
                105,
                120,
                135,
                150,
                165,
                180,
                195,
                210,
                225,
                240,
                255,
                270,
                285,
                300);
        assertThat(vector("rate(req_total[5m])", 300_000).get(0).value()).isCloseTo(1.0, within(1e-9));
        assertThat(vector("increase(req_total[1m])", 300_000).get(0).value()).isCloseTo(60, within(1e-9));
    }

    @Test
    void counterResetsAreAddedBackInRate() throws Exception {
        series(Labels.metric("c_total"), 60_000, 10, 20, 5, 15);
        // Window (0s, 180s] holds 20, 5, 15: raw increase 15 - 20 + 20 = 15 over 120 s, extrapolated by 60 s at the
        // start (within 1.1 average intervals), so 15 * 180 / 120.
        double increase = vector("increase(c_total[3m] @ 180)", 0).get(0).value();
        assertThat(increase).isCloseTo(22.5, within(1e-9));
        assertThat(vector("resets(c_total[5m])", 180_000).get(0).value()).isEqualTo(1);
    }

    @Test
    void rangeQueryEvaluatesEveryStepAndSortsSeries() throws Exception {
        series(Labels.metric("m", "i", "b"), MIN, 1, 2, 3);
        series(Labels.metric("m", "i", "a"), MIN, 10, 20, 30);
        QueryValue.Matrix m =
                (QueryValue.Matrix) engine.range("m * 2", 0, 2 * MIN, MIN).value();
        assertThat(m.series())
                .extracting(QueryValue.RangeSeries::labels)
                .containsExactly(Labels.of("i", "a"), Labels.of("i", "b"));
        assertThat(m.series().get(0).values()).containsExactly(20, 40, 60);
        assertThat(m.series().get(0).timestamps()).containsExactly(0, MIN, 2 * MIN);
    }

    @Test
    void failsWhenTheQueryWouldHoldTooManySamples() throws Exception {
        for (int s = 0; s < 20; s++) {
            series(Labels.metric("m", "s", Integer.toString(s)), 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
        PromqlEngine small = new PromqlEngine(store, EngineSettings.DEFAULTS.withMaxSamples(15));
        assertThat(((QueryValue.Vector) small.instant("m{s=\"1\"}", 5000).value()).samples())
                .hasSize(1);
        assertThatThrownBy(() -> small.instant("sum(m)", 5000))
                .isInstanceOf(PromQLException.class)
                .hasMessage("query processing would load too many samples into memory in query execution");
        assertThatThrownBy(() -> small.range("m", 0, 9000, 1000)).isInstanceOf(PromQLException.class);
    }

    @Test
    void droppingTheNameOfSeriesThatDifferOnlyByNameFailsWithPrometheusMessage() {
        series(Labels.metric("a", "x", "1"), MIN, 1);
        series(Labels.metric("b", "x", "1"), MIN, 2);
        assertThatThrownBy(() -> engine.instant("abs({x=\"1\"})", 0))
                .isInstanceOf(PromQLException.class)
                .hasMessage("vector cannot contain metrics with the same labelset");
    }

    @Test
    void manyToManyMatchingIsAnErrorNamingTheDuplicates() {
        series(Labels.metric("l", "k", "1", "x", "a"), MIN, 1);
        series(Labels.metric("r", "k", "1", "y", "a"), MIN, 1);
        series(Labels.metric("r", "k", "1", "y", "b"), MIN, 1);
        assertThatThrownBy(() -> engine.instant("l + on(k) r", 0))
                .isInstanceOf(PromQLException.class)
                .hasMessageStartingWith("found duplicate series for the match group {k=\"1\"} on the right hand-side");
    }

    @Test
    void groupLeftCopiesLabelsFromTheOneSide() throws Exception {
        series(Labels.metric("req", "job", "api", "code", "200"), MIN, 10);
        series(Labels.metric("req", "job", "api", "code", "500"), MIN, 1);
        series(Labels.metric("info", "job", "api", "team", "core"), MIN, 1);
        List<QueryValue.VectorSample> v = vector("req * on(job) group_left(team) info", 0);
        assertThat(v)
                .extracting(QueryValue.VectorSample::labels)
                .containsExactlyInAnyOrder(
                        Labels.of("job", "api", "code", "200", "team", "core"),
                        Labels.of("job", "api", "code", "500", "team", "core"));
    }

    @Test
    void scalarArithmeticFollowsGoFloatRules() throws Exception {
        assertThat(scalar("2 ^ 3 ^ 2")).isEqualTo(512);
        assertThat(scalar("-2 ^ 2")).isEqualTo(-4);
        assertThat(scalar("5 % 3")).isEqualTo(2);
        assertThat(scalar("-5 % 3")).isEqualTo(-2);
        assertThat(scalar("1 ^ NaN")).isEqualTo(1);
        assertThat(scalar("1 / 0")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(scalar("2 > bool 1")).isEqualTo(1);
    }

    @Test
    void rateOnANonCounterNameAddsAnInfo() throws Exception {
        series(Labels.metric("temperature"), MIN, 1, 2, 3);
        QueryResult r = engine.instant("rate(temperature[5m])", 2 * MIN);
        assertThat(r.infos())
                .containsExactly("PromQL info: metric might not be a counter, name does not end in"
                        + " _total/_sum/_count/_bucket: \"temperature\"");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void histogramQuantileInterpolatesWithinTheBucket() throws Exception {
        series(Labels.metric("lat_bucket", "le", "0.1"), MIN, 50);
        series(Labels.metric("lat_bucket", "le", "0.5"), MIN, 90);
        series(Labels.metric("lat_bucket", "le", "+Inf"), MIN, 100);
        List<QueryValue.VectorSample> v = vector("histogram_quantile(0.7, lat_bucket)", 0);
        assertThat(v).hasSize(1);
        assertThat(v.get(0).labels()).isEqualTo(Labels.EMPTY);
        assertThat(v.get(0).value()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void stringAndTopLevelRangeVectorResults() throws Exception {
        series(Labels.metric("m"), MIN, 1, 2, 3);
        assertThat(engine.instant("\"hello\"", 0).value()).isEqualTo(new QueryValue.StringValue(0, "hello"));
        QueryValue.Matrix m =
                (QueryValue.Matrix) engine.instant("m[2m]", 2 * MIN).value();
        assertThat(m.series().get(0).values()).containsExactly(2, 3);
        assertThatThrownBy(() -> engine.range("m[2m]", 0, MIN, MIN))
                .hasMessage(
                        "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector");
    }

    @Test
    void subqueryWindowsAlignToTheirStep() throws Exception {
        series(Labels.metric("g"), 10_000, 1, 2, 3, 4, 5, 6, 7);
        double max = vector("max_over_time(g[1m:20s])", 60_000).get(0).value();
        assertThat(max).isEqualTo(7);
        double count = vector("count_over_time(g[1m:20s])", 60_000).get(0).value();
        assertThat(count).isEqualTo(3);
    }

    @Test
    void absentReturnsTheEqualityLabelsOfTheSelector() throws Exception {
        List<QueryValue.VectorSample> v = vector("absent(nope{job=\"api\", code=~\"5..\"})", 0);
        assertThat(v).containsExactly(new QueryValue.VectorSample(Labels.of("job", "api"), 0, 1));
    }

    @Test
    void comparingARateKeepsTheNameDroppedAsWithoutDelayedRemoval() throws Exception {
        series(Labels.metric("req_total", "job", "api"), MIN, 0, 60, 120);
        series(Labels.metric("limit", "job", "api"), MIN, 0.5, 0.5, 0.5);
        List<QueryValue.VectorSample> v = vector("rate(req_total[2m]) > ignoring() limit", 2 * MIN);
        assertThat(v).extracting(QueryValue.VectorSample::labels).containsExactly(Labels.of("job", "api"));
        List<QueryValue.VectorSample> kept = vector("req_total > ignoring() limit", 2 * MIN);
        assertThat(kept)
                .extracting(QueryValue.VectorSample::labels)
                .containsExactly(Labels.metric("req_total", "job", "api"));
    }

    @Test
    void sampleLimitCountsThePeakNotTheSumOfIntermediateResults() throws Exception {
        for (int s = 0; s < 20; s++) {
            series(Labels.metric("m", "s", Integer.toString(s)), 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        }
        // 200 points selected, then each operator holds its 200-point input and output at once: a peak of 400.
        PromqlEngine limited = new PromqlEngine(store, EngineSettings.DEFAULTS.withMaxSamples(450));
        QueryValue.Matrix m = (QueryValue.Matrix)
                limited.range("m * 1 * 1 * 1", 0, 9000, 1000).value();
        assertThat(m.series()).hasSize(20);
        PromqlEngine tooSmall = new PromqlEngine(store, EngineSettings.DEFAULTS.withMaxSamples(399));
        assertThatThrownBy(() -> tooSmall.range("m * 1", 0, 9000, 1000)).isInstanceOf(PromQLException.class);
    }

    @Test
    void limitRatioAndItsComplementPartitionTheSeries() throws Exception {
        for (int s = 0; s < 50; s++) {
            series(Labels.metric("m", "s", Integer.toString(s)), MIN, s);
        }
        int picked = vector("limit_ratio(0.3, m)", 0).size();
        assertThat(picked).isBetween(5, 30);
        assertThat(vector("limit_ratio(0.3, m) or limit_ratio(-0.7, m)", 0)).hasSize(50);
        assertThat(vector("limit_ratio(0.3, m) and limit_ratio(-0.7, m)", 0)).isEmpty();
        QueryResult capped = engine.instant("limit_ratio(1.5, m)", 0);
        assertThat(((QueryValue.Vector) capped.value()).samples()).hasSize(50);
        assertThat(capped.warnings())
                .containsExactly("PromQL warning: ratio value should be between -1 and 1, got 1.5, capping to 1");
    }
}
