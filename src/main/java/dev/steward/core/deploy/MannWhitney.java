package dev.steward.core.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The statistical canary gate, as Kayenta judges: a one-sided Mann-Whitney U test (Commons Statistics; exact p-value
 * for small samples without ties, normal approximation with continuity correction otherwise) of "the canary's values
 * are larger than the baseline's". Larger is worse: latencies, error ratios.
 */
public final class MannWhitney {
    private static final MannWhitneyUTest TEST =
            MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);

    private MannWhitney() {}

    /** The U statistic of {@code canary} and the one-sided p-value that it is larger than {@code baseline}. */
    public record Outcome(double u, double pValue) {}

    public static Outcome test(List<Double> canary, List<Double> baseline) {
        MannWhitneyUTest.Result r = TEST.test(array(canary), array(baseline));
        return new Outcome(r.getStatistic(), r.getPValue());
    }

    public static GateVerdict judge(StatisticalGate gate, Observation.Samples samples) {
        if (samples.canary() instanceof QueryResult.Error(String reason)) {
            return new GateVerdict.QueryError(gate.name() + ": canary query failed: " + reason);
        }
        if (samples.baseline() instanceof QueryResult.Error(String reason)) {
            return new GateVerdict.QueryError(gate.name() + ": baseline query failed: " + reason);
        }
        List<Double> canary = ((QueryResult.Values) samples.canary()).values();
        List<Double> baseline = ((QueryResult.Values) samples.baseline()).values();
        int fewest = Math.min(canary.size(), baseline.size());
        if (fewest < gate.minSamples()) {
            return new GateVerdict.InsufficientData(
                    fewest,
                    gate.minSamples(),
                    gate.name() + ": " + canary.size() + " canary and " + baseline.size() + " baseline samples, "
                            + gate.minSamples() + " needed on each side");
        }
        Outcome o = test(canary, baseline);
        double alpha = 1 - gate.confidence();
        String against = "p < " + format(alpha) + " fails";
        List<Measurement> m = List.of(
                new Measurement(gate.name() + ".p_value", o.pValue(), against),
                new Measurement(gate.name() + ".u", o.u(), "Mann-Whitney U"),
                new Measurement(gate.name() + ".canary_median", median(canary), "canary"),
                new Measurement(gate.name() + ".baseline_median", median(baseline), "baseline"));
        if (o.pValue() < alpha) {
            return new GateVerdict.Failed(
                    gate.name() + ": canary larger than baseline (p = " + format(o.pValue()) + " < " + format(alpha)
                            + ")",
                    m);
        }
        return new GateVerdict.Passed(
                gate.name() + ": canary not larger than baseline (p = " + format(o.pValue()) + ")", m);
    }

    static double median(List<Double> values) {
        double[] a = array(values);
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
