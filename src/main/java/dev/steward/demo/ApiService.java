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
 * /health/detailed} reports (as ASP.NET Core does, with 503 when an entry is {@code Unhealthy}).
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

    private void detailed(Context ctx) {
        var dependency = faults.current(DemoService.API).orElse(null) instanceof Fault.Dependency d ? d : null;
        var entries = new LinkedHashMap<String, Object>();
        String overall = "Healthy";
        long longest = 0;
        for (Entry e : ENTRIES) {
            boolean broken = dependency != null && dependency.entry().equals(e.name());
            String status = broken ? dependency.status() : "Healthy";
            overall = worse(overall, status);
            long micros = broken ? e.nominalMicros() * 40 : e.nominalMicros();
            longest = Math.max(longest, micros);
            entries.put(e.name(), entry(e, status, micros));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("status", overall);
        body.put("totalDuration", HealthDuration.format(longest * 1_000 + 150_000));
        body.put("entries", entries);
        ctx.status(overall.equals("Unhealthy") ? 503 : 200);
        json(ctx, body);
    }

    private static Map<String, Object> entry(Entry e, String status, long micros) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("data", Map.of());
        entry.put(
                "description",
                switch (status) {
                    case "Unhealthy" -> e.name() + " check failed: connection refused (fault injected by steward demo)";
                    case "Degraded" -> e.name() + " answers slowly (fault injected by steward demo)";
                    default -> e.healthyDescription();
                });
        entry.put("duration", HealthDuration.format(micros * 1_000));
        entry.put("status", status);
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
