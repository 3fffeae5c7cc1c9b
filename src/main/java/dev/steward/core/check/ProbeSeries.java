package dev.steward.core.check;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.ComponentStatus;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The series one probe result becomes, with blackbox_exporter's names where they mean the same thing
 * ({@code probe_success}, {@code probe_duration_seconds}, {@code probe_http_status_code}, {@code
 * probe_ssl_earliest_cert_expiry}, ...), plus Steward's own ({@code steward_check_up}, {@code
 * steward_health_component_up}). Every series is labelled {@code stack}, {@code service}, {@code check} and the
 * service's and check's own labels.
 */
public final class ProbeSeries {
    private ProbeSeries() {}

    /** One sample of one series; {@code labels} include {@code __name__}. */
    public record Point(Labels labels, double value) {}

    /** Help text of each metric name {@link #points} emits. */
    public static final Map<String, String> HELP =
            java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Map.ofEntries(
                    Map.entry("probe_success", "Whether the latest probe of the check succeeded (1) or failed (0)."),
                    Map.entry("probe_duration_seconds", "How long the latest probe took, in seconds."),
                    Map.entry("probe_http_status_code", "HTTP status code of the latest probe's response."),
                    Map.entry("probe_http_content_length", "Length of the latest probe's response body, in bytes."),
                    Map.entry("probe_http_redirects", "Number of redirects the latest probe followed."),
                    Map.entry(
                            "probe_ssl_earliest_cert_expiry", "Earliest expiry of the peer's certificates, unix time."),
                    Map.entry("probe_command_exit_code", "Exit code of the latest command probe."),
                    Map.entry("probe_redis_used_memory_bytes", "Redis INFO used_memory, in bytes."),
                    Map.entry("probe_redis_connected_clients", "Redis INFO connected_clients."),
                    Map.entry("probe_redis_keyspace_hit_ratio", "Redis keyspace hits / (hits + misses)."),
                    Map.entry(
                            "probe_elasticsearch_cluster_status",
                            "Elasticsearch cluster health: 0 green, 1 yellow, 2 red."),
                    Map.entry(
                            "probe_elasticsearch_active_shards_percent",
                            "Elasticsearch active_shards_percent_as_number."),
                    Map.entry("probe_elasticsearch_nodes", "Elasticsearch number_of_nodes."),
                    Map.entry("steward_check_up", "Confirmed status of the check: 1 UP, 0 DOWN; absent while UNKNOWN."),
                    Map.entry(
                            "steward_health_component_up",
                            "Whether a component of a health document is healthy (1) or not (0)."))));

    /** The labels every series of {@code check} carries. */
    public static Labels checkLabels(String stack, CheckConfig check, Map<String, String> serviceLabels) {
        Labels.Builder b = Labels.builder();
        serviceLabels.forEach(b::add);
        check.labels().forEach(b::add);
        return b.add("stack", stack)
                .add("service", check.service())
                .add("check", check.name())
                .build();
    }

    public static List<Point> points(Labels base, ProbeResult result, CheckState state) {
        List<Point> out = new ArrayList<>();
        out.add(point(base, "probe_success", result.success() ? 1 : 0));
        // microsecond resolution: finer digits are noise and would cost bytes per sample in the store
        out.add(point(
                base, "probe_duration_seconds", Math.round(result.latency().toNanos() / 1e3) / 1e6));
        Observation o = result.observation();
        number(o, "status").ifPresent(v -> out.add(point(base, "probe_http_status_code", v)));
        number(o, "content_length").ifPresent(v -> out.add(point(base, "probe_http_content_length", v)));
        number(o, "redirects").ifPresent(v -> out.add(point(base, "probe_http_redirects", v)));
        number(o, "cert_not_after").ifPresent(v -> out.add(point(base, "probe_ssl_earliest_cert_expiry", v)));
        number(o, "exit_code").ifPresent(v -> out.add(point(base, "probe_command_exit_code", v)));
        number(o, "info.used_memory").ifPresent(v -> out.add(point(base, "probe_redis_used_memory_bytes", v)));
        number(o, "info.connected_clients").ifPresent(v -> out.add(point(base, "probe_redis_connected_clients", v)));
        number(o, "info.keyspace_hit_ratio").ifPresent(v -> out.add(point(base, "probe_redis_keyspace_hit_ratio", v)));
        o.fact("cluster.status")
                .ifPresent(v ->
                        clusterStatus(v).ifPresent(s -> out.add(point(base, "probe_elasticsearch_cluster_status", s))));
        number(o, "cluster.active_shards_percent_as_number")
                .ifPresent(v -> out.add(point(base, "probe_elasticsearch_active_shards_percent", v)));
        number(o, "cluster.number_of_nodes").ifPresent(v -> out.add(point(base, "probe_elasticsearch_nodes", v)));
        switch (state.status()) {
            case UP -> out.add(point(base, "steward_check_up", 1));
            case DOWN -> out.add(point(base, "steward_check_up", 0));
            default -> {
                // no confirmed status yet: no sample, so queries see the series as absent
            }
        }
        for (ComponentStatus c : result.components()) {
            Labels l = base.toBuilder()
                    .add("__name__", "steward_health_component_up")
                    .add("component", c.name())
                    .build();
            out.add(new Point(l, c.healthy() ? 1 : 0));
        }
        return out;
    }

    private static Point point(Labels base, String name, double value) {
        return new Point(base.toBuilder().add("__name__", name).build(), value);
    }

    private static Optional<Double> number(Observation o, String fact) {
        return o.fact(fact).flatMap(v -> v instanceof Value.Num n ? Optional.of(n.value()) : Optional.empty());
    }

    private static Optional<Double> clusterStatus(Value v) {
        if (!(v instanceof Value.Text t)) {
            return Optional.empty();
        }
        return switch (t.value()) {
            case "green" -> Optional.of(0.0);
            case "yellow" -> Optional.of(1.0);
            case "red" -> Optional.of(2.0);
            default -> Optional.empty();
        };
    }
}
