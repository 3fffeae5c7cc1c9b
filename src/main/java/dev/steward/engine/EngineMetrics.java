package dev.steward.engine;

import dev.steward.core.check.ProbeSeries;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.exposition.MetricFamily;
import dev.steward.core.exposition.MetricType;
import dev.steward.core.series.Labels;
import dev.steward.core.series.SeriesStoreStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Steward's own metrics and every check's latest probe series as metric families for {@code GET /metrics}. The probe
 * series are the same points the series store receives, so {@code /metrics} and queries agree.
 */
public final class EngineMetrics {
    private EngineMetrics() {}

    public static List<MetricFamily> probeFamilies(
            Map<?, CheckSnapshot> checks, Function<CheckConfig, Labels> labelsOf) {
        Map<String, List<MetricFamily.Sample>> byName = new LinkedHashMap<>();
        for (CheckSnapshot c : checks.values()) {
            if (c.last().isEmpty()) {
                continue;
            }
            Labels base = labelsOf.apply(c.config());
            for (ProbeSeries.Point p : ProbeSeries.points(base, c.last().get(), c.state())) {
                String name = p.labels().metricName();
                byName.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new MetricFamily.Sample(name, p.labels().without("__name__"), p.value()));
            }
        }
        List<MetricFamily> out = new ArrayList<>();
        byName.forEach((name, samples) ->
                out.add(new MetricFamily(name, MetricType.GAUGE, ProbeSeries.HELP.getOrDefault(name, name), samples)));
        return out;
    }

    public static List<MetricFamily> schedulerFamilies(SchedulerStats s, int checks) {
        List<MetricFamily> out = new ArrayList<>();
        out.add(gauge("steward_checks", "Number of configured checks.", checks));
        out.add(counter("steward_probes_total", "Probes run since start.", s.probes()));
        out.add(counter("steward_probe_failures_total", "Probes that failed since start.", s.failures()));
        out.add(counter(
                "steward_probes_rejected_total",
                "Probes that could not be started because the executor refused them.",
                s.rejectedCount()));
        List<MetricFamily.Sample> lag = new ArrayList<>();
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            lag.add(new MetricFamily.Sample(
                    "steward_scheduler_lag_seconds",
                    Labels.of("quantile", Double.toString(q)),
                    s.lagSecondsQuantile(q)));
        }
        lag.add(new MetricFamily.Sample("steward_scheduler_lag_seconds_sum", Labels.of(), s.lagSecondsSum()));
        lag.add(new MetricFamily.Sample("steward_scheduler_lag_seconds_count", Labels.of(), s.lagCount()));
        out.add(new MetricFamily(
                "steward_scheduler_lag_seconds",
                MetricType.SUMMARY,
                "How late probes started after their due instant, since start.",
                lag));
        out.add(gauge("steward_scheduler_lag_max_seconds", "Largest scheduling lag since start.", s.lagSecondsMax()));
        s.firstProbeStart()
                .ifPresent(t -> out.add(gauge(
                        "steward_first_probe_time_seconds",
                        "When the first probe started, unix time.",
                        t.toEpochMilli() / 1000.0)));
        return out;
    }

    public static List<MetricFamily> storeFamilies(SeriesStoreStats stats) {
        List<MetricFamily> out = new ArrayList<>();
        out.add(gauge("steward_series", "Series in the in-memory store.", stats.series()));
        out.add(gauge("steward_series_samples", "Samples held in the in-memory store.", stats.samples()));
        out.add(gauge("steward_series_chunk_bytes", "Bytes of compressed sample chunks.", stats.chunkBytes()));
        return out;
    }

    public static MetricFamily gauge(String name, String help, double value) {
        return MetricFamily.single(name, MetricType.GAUGE, help, Labels.of(), value);
    }

    public static MetricFamily counter(String name, String help, double value) {
        return new MetricFamily(
                name, MetricType.COUNTER, help, List.of(new MetricFamily.Sample(name, Labels.of(), value)));
    }
}
