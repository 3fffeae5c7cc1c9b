package dev.steward.core.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gate presets users can take as they are ({@code gates: {preset: default}}). {@code default}: all before-gates, a
 * five-minute validation window, and the {@code default} analysis: roll back when p95 latency is above 2 s, the
 * error rate above 1 % over 5 min, or (when {@code business_metric} names one) that workflow's failure rate above 5 %.
 * Failing health checks roll back under every preset. The queries follow Prometheus' naming conventions for HTTP
 * servers ({@code http_request_duration_seconds} histogram, {@code http_requests_total} with a {@code code} label)
 * and {@code <business>_total} / {@code <business>_failed_total} counters, all labelled {@code service}.
 */
public final class GatePresets {
    public static final String DEFAULT = "default";
    public static final Set<String> NAMES = Set.of(DEFAULT);

    private GatePresets() {}

    public static Gates gates(String preset) {
        if (!preset.equals(DEFAULT)) {
            throw new IllegalArgumentException("unknown gate preset " + preset + "; known: " + NAMES);
        }
        return new Gates(Gates.Before.ALL, List.of(DEFAULT), Gates.DEFAULT_VALIDATION, Optional.of(DEFAULT));
    }

    /** The {@code default} analysis for {@code service}, with the business workflow's failure rate when named. */
    public static AnalysisTemplate defaultAnalysis(String service, Optional<String> businessMetric) {
        String sel = "service=\"" + service + "\"";
        List<AnalysisMetric> metrics = new ArrayList<>();
        metrics.add(new AnalysisMetric(
                "p95-latency",
                "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{" + sel + "}[5m])))",
                Optional.empty(),
                Condition.parse("result > 2")));
        metrics.add(new AnalysisMetric(
                "error-rate",
                "sum(rate(http_requests_total{" + sel + ",code=~\"5..\"}[5m])) / sum(rate(http_requests_total{" + sel
                        + "}[5m]))",
                Optional.empty(),
                Condition.parse("result > 0.01")));
        businessMetric.ifPresent(b -> metrics.add(new AnalysisMetric(
                b + "-failure-rate",
                "sum(rate(" + b + "_failed_total{" + sel + "}[5m])) / sum(rate(" + b + "_total{" + sel + "}[5m]))",
                Optional.empty(),
                Condition.parse("result > 0.05"))));
        return new AnalysisTemplate(
                DEFAULT,
                metrics,
                List.of(),
                AnalysisTemplate.DEFAULT_INTERVAL,
                AnalysisTemplate.DEFAULT_FAILURE_LIMIT,
                AnalysisTemplate.DEFAULT_INCONCLUSIVE_LIMIT,
                AnalysisTemplate.DEFAULT_ERROR_LIMIT,
                AnalysisTemplate.DEFAULT_INSUFFICIENT_LIMIT,
                AnalysisTemplate.DEFAULT_MIN_SAMPLES);
    }
}
