package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** The statistical gate against known values (textbook exact values, and SciPy's mannwhitneyu for the larger sets). */
class MannWhitneyTest {
    static final List<Double> BASELINE = List.of(
            97.4, 105.1, 97.7, 96.8, 90.7, 97.9, 111.1, 104.2, 110.4, 102.5, 103.9, 101.9, 83.3, 108.6, 105.1, 105.0,
            83.1, 82.6, 91.1, 95.3, 103.1, 99.5, 105.2, 93.6, 103.1, 103.9, 93.4, 117.2, 105.6, 112.0);
    static final List<Double> SLOWER = List.of(
            123.8, 122.6, 126.6, 128.9, 136.3, 132.5, 125.5, 120.4, 124.8, 142.2, 121.9, 132.4, 134.3, 115.1, 130.5,
            143.1, 109.9, 126.8, 128.9, 121.8, 135.0, 129.4, 115.4, 138.3, 136.7, 139.5, 144.4, 133.6, 131.2, 117.0);
    static final StatisticalGate GATE = new StatisticalGate("latency", "canary", "baseline", 0.95, 10);

    @Test
    void theTextbookExampleHasUSeventeenAndAnExactOneSidedPOfOneEighteenth() {
        MannWhitney.Outcome o =
                MannWhitney.test(List.of(19.0, 22.0, 16.0, 29.0, 24.0), List.of(20.0, 11.0, 17.0, 12.0));

        assertThat(o.u()).isEqualTo(17.0);
        assertThat(o.pValue()).isCloseTo(1.0 / 18, within(1e-12));
    }

    @Test
    void aCanaryThirtyMillisecondsSlowerThanItsBaselineFailsAtNinetyFivePercentConfidence() {
        GateVerdict v = MannWhitney.judge(GATE, samples(SLOWER, BASELINE));

        assertThat(v).isInstanceOfSatisfying(GateVerdict.Failed.class, f -> {
            assertThat(f.reason()).contains("canary larger than baseline");
            assertThat(f.measurements()).anySatisfy(m -> {
                assertThat(m.name()).isEqualTo("latency.p_value");
                assertThat(m.value()).isCloseTo(3.0255118244576925e-11, Percentage.withPercentage(0.1));
            });
            assertThat(f.measurements()).contains(new Measurement("latency.u", 893.0, "Mann-Whitney U"));
        });
    }

    @Test
    void aCanaryNoSlowerThanItsBaselinePasses() {
        GateVerdict v = MannWhitney.judge(GATE, samples(BASELINE, SLOWER));

        assertThat(v)
                .isInstanceOfSatisfying(
                        GateVerdict.Passed.class,
                        p -> assertThat(p.measurements())
                                .anySatisfy(m -> assertThat(m.value()).isCloseTo(0.9999999999725968, within(1e-9))));
    }

    @Test
    void fewerSamplesThanTheMinimumOnEitherSideGiveInsufficientDataNotAVerdict() {
        GateVerdict v = MannWhitney.judge(GATE, samples(SLOWER.subList(0, 9), BASELINE));

        assertThat(v)
                .isEqualTo(new GateVerdict.InsufficientData(
                        9, 10, "latency: 9 canary and 30 baseline samples, 10 needed on each side"));
    }

    @Test
    void aQueryErrorOnEitherSideIsAQueryErrorNotAFailure() {
        GateVerdict v = MannWhitney.judge(
                GATE, new Observation.Samples(values(SLOWER), new QueryResult.Error("bad_data: parse error")));

        assertThat(v).isEqualTo(new GateVerdict.QueryError("latency: baseline query failed: bad_data: parse error"));
    }

    private static Observation.Samples samples(List<Double> canary, List<Double> baseline) {
        return new Observation.Samples(values(canary), values(baseline));
    }

    private static QueryResult values(List<Double> v) {
        return new QueryResult.Values(v);
    }
}
