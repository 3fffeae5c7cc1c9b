package dev.steward.demo;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's product API: {@code /health} in Spring Boot Actuator style, {@code /health/detailed} in ASP.NET Core
 * HealthChecks style, the business endpoint {@code /api/documents}, and {@code /metrics} for its own traffic.
 *
 * <p>{@code /health} is a liveness answer: it stays {@code UP} while a dependency is unhealthy, which only {@code
 * /health/detailed} reports (as ASP.NET Core does, with 503 when an entry is {@code Unhealthy}). Its {@code search}
 * entry follows the search service's fault: down, error or red make it {@code Unhealthy}, slow or yellow {@code
 * Degraded}.
 */
final class ApiService {

    private static final JsonMapper JSON = JsonMapper.shared();

    private record Entry(String name, String tag, String healthyDescription, long nominalMicros) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("database", "db", "PostgreSQL answered select 1", 1_800),
            new Entry("cache", "cache", "Redis answered PONG", 400),
            new Entry("search", "search", "Elasticsearch cluster demo is green", 2_600));

    private static final List<Map<String, Object>> DOCUMENTS = List.of(
            document(1, "Runbook: database failover", "ops"),
            document(2, "Release notes 4.2", "product"),
            document(3, "On-call handbook", "ops"),
            document(4, "API authentication guide", "engineering"));

    private final FaultController faults;
    private final FaultGate gate;
    private final HttpMetrics metrics = new HttpMetrics();

    ApiService(FaultController faults) {
        this.faults = faults;
        this.gate = new FaultGate(DemoService.API, faults, ctx -> json(ctx, problem()));
    }

    void routes(RoutesConfig routes) {
        routes.get("/health", route("/health", ctx -> json(ctx, Map.of("status", "UP"))));
        routes.get("/health/detailed", route("/health/detailed", this::detailed));
        routes.get("/api/documents", route("/api/documents", ctx -> json(ctx, DOCUMENTS)));
        routes.get("/metrics", ctx -> ctx.contentType(HttpMetrics.CONTENT_TYPE).result(metrics.render()));
    }

    /** Counts the request and its latency, faults included, so an injected fault shows in {@code /metrics}. */
    private Handler route(String handler, Handler answer) {
        Handler gated = gate.wrap(answer);
        return ctx -> {
            long start = System.nanoTime();
            try {
                gated.handle(ctx);
                metrics.record(handler, ctx.statusCode(), System.nanoTime() - start);
            } catch (Exception e) {
                metrics.record(handler, 500, System.nanoTime() - start);
                throw e;
            }
        };
    }

    private record EntryState(String status, String description) {}

    private void detailed(Context ctx) {
        var entries = new LinkedHashMap<String, Object>();
        String overall = "Healthy";
        long longest = 0;
        for (Entry e : ENTRIES) {
            EntryState state = state(e);
            overall = worse(overall, state.status());
            long micros = state.status().equals("Healthy") ? e.nominalMicros() : e.nominalMicros() * 40;
            longest = Math.max(longest, micros);
            entries.put(e.name(), entry(e, state, micros));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("status", overall);
        body.put("totalDuration", HealthDuration.format(longest * 1_000 + 150_000));
        body.put("entries", entries);
        ctx.status(overall.equals("Unhealthy") ? 503 : 200);
        json(ctx, body);
    }

    /**
     * An entry is broken by a {@code dependency} fault on it; the {@code search} entry also follows the search
     * service's own fault, as a real API's check of its search cluster would.
     */
    private EntryState state(Entry e) {
        if (faults.current(DemoService.API).orElse(null) instanceof Fault.Dependency d
                && d.entry().equals(e.name())) {
            return new EntryState(
                    d.status(),
                    d.status().equals("Unhealthy")
                            ? e.name() + " check failed: connection refused (fault injected by steward demo)"
                            : e.name() + " answers slowly (fault injected by steward demo)");
        }
        if (e.name().equals("search")) {
            var fault = faults.current(DemoService.SEARCH);
            if (fault.isPresent()) {
                return searchState(fault.get());
            }
        }
        return new EntryState("Healthy", e.healthyDescription());
    }

    private static EntryState searchState(Fault fault) {
        return switch (fault) {
            case Fault.Down d -> new EntryState("Unhealthy", "search is unreachable: connection refused");
            case Fault.ServerError d -> new EntryState("Unhealthy", "search answered HTTP 500");
            case Fault.Slow d -> new EntryState("Degraded", "search answers slowly");
            case Fault.ClusterStatus c ->
                new EntryState(
                        c.status().equals("red") ? "Unhealthy" : "Degraded",
                        "Elasticsearch cluster " + SearchService.CLUSTER + " is " + c.status());
            case Fault.Dependency d -> new EntryState("Healthy", "search is reachable");
        };
    }

    private static Map<String, Object> entry(Entry e, EntryState state, long micros) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("data", Map.of());
        entry.put("description", state.description());
        entry.put("duration", HealthDuration.format(micros * 1_000));
        entry.put("status", state.status());
        entry.put("tags", List.of(e.tag()));
        return entry;
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("Healthy", "Degraded", "Unhealthy");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private static Map<String, Object> problem() {
        var p = new LinkedHashMap<String, Object>();
        p.put("type", "https://tools.ietf.org/html/rfc9110#section-15.6.1");
        p.put("title", "An error occurred while processing your request.");
        p.put("status", 500);
        p.put("detail", "fault 'error' injected by steward demo");
        return p;
    }

    private static Map<String, Object> document(int id, String title, String space) {
        var d = new LinkedHashMap<String, Object>();
        d.put("id", id);
        d.put("title", title);
        d.put("space", space);
        return d;
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(JSON.writeValueAsString(body));
    }
}
