package dev.steward.app;

import dev.steward.api.IncidentApi;
import dev.steward.api.MaintenanceRegistry;
import dev.steward.core.check.CheckState;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.deploy.QueryResult;
import dev.steward.core.series.Labels;
import dev.steward.engine.CheckSnapshot;
import dev.steward.engine.DeploymentSensors;
import dev.steward.promapi.PrometheusBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The deployment loop's view of the running daemon: check states (a check confirmed down fails the service), open
 * incidents of severity {@code critical}, maintenance windows with {@code freeze_deployments}, and PromQL through the
 * daemon's own query engine. A service's dependencies count, transitively ({@code depends_on}).
 */
final class DeploymentInputs implements DeploymentSensors {
    static final String CRITICAL = "critical";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<StackConfig> config;
    private final Supplier<Map<CheckId, CheckSnapshot>> checks;
    private final IncidentApi.Backend incidents;
    private final MaintenanceRegistry maintenance;
    private final PrometheusBackend queries;

    DeploymentInputs(
            Supplier<StackConfig> config,
            Supplier<Map<CheckId, CheckSnapshot>> checks,
            IncidentApi.Backend incidents,
            MaintenanceRegistry maintenance,
            PrometheusBackend queries) {
        this.config = config;
        this.checks = checks;
        this.incidents = incidents;
        this.maintenance = maintenance;
        this.queries = queries;
    }

    /** {@code service} and everything it depends on, directly or not. */
    private Set<String> withDependencies(String service) {
        Map<String, List<String>> dependsOn = config.get().dependsOn();
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(service));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (out.add(s)) {
                todo.addAll(dependsOn.getOrDefault(s, List.of()));
            }
        }
        return out;
    }

    @Override
    public List<String> unhealthy(String service) {
        Set<String> concerned = withDependencies(service);
        List<String> out = new ArrayList<>();
        checks.get().forEach((id, snapshot) -> {
            if (concerned.contains(id.service()) && snapshot.state() instanceof CheckState.Down) {
                out.add(id.service() + "/" + id.check());
            }
        });
        return out.stream().sorted().toList();
    }

    @Override
    public List<String> criticalIncidents(String service) {
        Set<String> concerned = withDependencies(service);
        return incidents.list("open", Optional.empty(), 1000).stream()
                .filter(i -> concerned.contains(i.service()))
                .filter(i -> i.severity().name().equals(CRITICAL))
                .map(i -> i.id() + ": " + i.title())
                .toList();
    }

    @Override
    public Optional<String> freezingWindow(String service, Instant now) {
        StackConfig c = config.get();
        var s = c.services().get(service);
        Labels labels = Labels.fromMap(s == null ? Map.of() : s.labels());
        return maintenance.calendar().active(now).stream()
                .filter(o -> o.window().freezeDeployments())
                .filter(o -> o.window().scope().covers(service, labels, c.dependsOn()))
                .map(o -> o.window().title() + " (until " + o.end() + ")")
                .findFirst();
    }

    @Override
    public QueryResult query(String promql, Instant now) {
        return switch (queries.instant(promql, now, QUERY_TIMEOUT)) {
            case dev.steward.promapi.QueryResult.Failure f -> new QueryResult.Error(f.type() + ": " + f.message());
            case dev.steward.promapi.QueryResult.Success s -> values(s.value());
        };
    }

    private static QueryResult values(dev.steward.promapi.QueryResult.Value value) {
        return switch (value) {
            case dev.steward.promapi.QueryResult.Scalar s ->
                QueryResult.of(s.point().v());
            case dev.steward.promapi.QueryResult.Vector v ->
                new QueryResult.Values(
                        v.samples().stream().map(x -> x.point().v()).toList());
            case dev.steward.promapi.QueryResult.Matrix m ->
                new QueryResult.Values(m.series().stream()
                        .flatMap(x -> x.points().stream())
                        .map(dev.steward.promapi.QueryResult.Point::v)
                        .toList());
            case dev.steward.promapi.QueryResult.Text t ->
                new QueryResult.Error("the query returned a string, not numbers: " + t.value());
        };
    }
}
