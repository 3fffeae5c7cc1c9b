package dev.steward.core.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges one measurement of an analysis: every metric's values against its conditions, every statistical gate by
 * Mann-Whitney. Combined, a query error wins over everything (the measurement says nothing), then a failure, then too
 * few samples, then inconclusive; the measurement passes only when every part passed.
 */
public final class AnalysisEvaluator {
    private AnalysisEvaluator() {}

    public static GateVerdict measure(
            AnalysisTemplate analysis, Map<String, QueryResult> metrics, Map<String, Observation.Samples> statistical) {
        List<GateVerdict> parts = new ArrayList<>();
        for (AnalysisMetric m : analysis.metrics()) {
            parts.add(metric(m, metrics.get(m.name())));
        }
        for (StatisticalGate g : analysis.statistical()) {
            Observation.Samples s = statistical.get(g.name());
            parts.add(
                    s == null
                            ? new GateVerdict.QueryError(g.name() + ": no samples were supplied")
                            : MannWhitney.judge(g, s));
        }
        return combine(parts);
    }

    static GateVerdict metric(AnalysisMetric metric, QueryResult result) {
        if (result == null) {
            return new GateVerdict.QueryError(metric.name() + ": no result was supplied");
        }
        return switch (result) {
            case QueryResult.Error(String reason) -> new GateVerdict.QueryError(metric.name() + ": " + reason);
            case QueryResult.Values(List<Double> values)
            when values.isEmpty() ->
                new GateVerdict.InsufficientData(0, 1, metric.name() + ": the query returned no data");
            case QueryResult.Values(List<Double> values) -> judge(metric, values);
        };
    }

    private static GateVerdict judge(AnalysisMetric metric, List<Double> values) {
        List<Measurement> ms = new ArrayList<>();
        boolean failed = false;
        boolean inconclusive = false;
        for (double v : values) {
            boolean fails = metric.failure().map(c -> c.holds(v)).orElse(false);
            boolean succeeds = metric.success().map(c -> c.holds(v)).orElse(true);
            String against = metric.failure()
                    .map(c -> "fails if " + c)
                    .orElseGet(() -> metric.success().map(c -> "passes if " + c).orElse("recorded"));
            ms.add(new Measurement(metric.name(), v, against));
            if (fails || (!succeeds && metric.failure().isEmpty())) {
                failed = true;
            } else if (!succeeds) {
                inconclusive = true;
            }
        }
        String seen =
                metric.name() + " = " + values.stream().map(MannWhitney::format).toList();
        if (failed) {
            return new GateVerdict.Failed(seen + ": " + ms.getFirst().against(), ms);
        }
        if (inconclusive) {
            return new GateVerdict.Inconclusive(seen + ": neither condition held", ms);
        }
        return new GateVerdict.Passed(seen, ms);
    }

    /** Combines the verdicts of the parts of one measurement. */
    public static GateVerdict combine(List<GateVerdict> parts) {
        List<Measurement> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(GateVerdict.measurements(p)));
        for (GateVerdict p : parts) {
            if (p instanceof GateVerdict.QueryError) {
                return p;
            }
        }
        for (GateVerdict p : parts) {
            if (p instanceof GateVerdict.Failed f) {
                return new GateVerdict.Failed(f.reason(), all);
            }
        }
        for (GateVerdict p : parts) {
            if (p instanceof GateVerdict.InsufficientData) {
                return p;
            }
        }
        for (GateVerdict p : parts) {
            if (p instanceof GateVerdict.Inconclusive i) {
                return new GateVerdict.Inconclusive(i.reason(), all);
            }
        }
        String reason = parts.isEmpty()
                ? "nothing to measure"
                : String.join("; ", parts.stream().map(GateVerdict::reason).toList());
        return new GateVerdict.Passed(reason, all);
    }
}
