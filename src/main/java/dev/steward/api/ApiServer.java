package dev.steward.api;

import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/** Steward's HTTP server: routes, JSON rendering and the one place where errors become statuses. */
public final class ApiServer implements AutoCloseable {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final Duration DEFAULT_HISTORY = Duration.ofHours(24);

    private final ApiBackend backend;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Javalin app;

    /** Creates the server; {@code extraRoutes} lets the composition root add routes (the demo's fault API). */
    public ApiServer(ApiBackend backend, Consumer<JavalinConfig> extraRoutes) {
        this.backend = backend;
        this.app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/health", this::health);
            cfg.routes.get("/metrics", this::metrics);
            cfg.routes.get(
                    "/api/v1/status",
                    ctx -> send(
                            ctx,
                            200,
                            StatusDocument.build(
                                    backend.config(),
                                    backend.checks(),
                                    backend.scrapes(),
                                    backend::maintenance,
                                    backend.now())));
            cfg.routes.get("/api/v1/checks/{service}/{check}/history", this::history);
            cfg.routes.post("/-/reload", this::reload);
            cfg.routes.exception(
                    LoginRequired.class,
                    (e, ctx) -> ctx.redirect(
                            "/login?next="
                                    + java.net.URLEncoder.encode(e.next(), java.nio.charset.StandardCharsets.UTF_8),
                            io.javalin.http.HttpStatus.FOUND));
            cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.errors()));
            // Javalin's own 404/405 come as HttpResponseException, which the Exception handler below does not see
            cfg.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> error(
                            ctx,
                            e.getStatus(),
                            switch (e.getStatus()) {
                                case 404 -> "no route for " + ctx.method() + " " + ctx.path();
                                case 405 -> "method " + ctx.method() + " not allowed on " + ctx.path();
                                default -> e.getMessage();
                            },
                            List.of()));
            cfg.routes.exception(
                    Exception.class,
                    (e, ctx) -> error(
                            ctx,
                            500,
                            "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                            List.of()));
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "no route for " + ctx.method() + " " + ctx.path(), List.of());
                }
            });
            cfg.routes.error(
                    405, ctx -> error(ctx, 405, "method " + ctx.method() + " not allowed on " + ctx.path(), List.of()));
            extraRoutes.accept(cfg);
        });
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void health(Context ctx) {
        Map<String, ApiBackend.ComponentHealth> components = backend.health();
        boolean up = components.values().stream().allMatch(ApiBackend.ComponentHealth::up);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", up ? "UP" : "DOWN");
        Map<String, Object> comps = new LinkedHashMap<>();
        components.forEach((name, h) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("status", h.up() ? "UP" : "DOWN");
            c.put("details", h.details());
            comps.put(name, c);
        });
        doc.put("components", comps);
        send(ctx, up ? 200 : 503, doc);
    }

    private void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(backend.metricsText());
    }

    private void history(Context ctx) {
        String service = ctx.pathParam("service");
        String check = ctx.pathParam("check");
        ServiceConfig s = backend.config().services().get(service);
        if (s == null || s.checks().stream().noneMatch(c -> c.name().equals(check))) {
            throw ApiException.notFound("no check " + service + "/" + check + " in stack "
                    + backend.config().stack());
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        Instant now = backend.now();
        Optional<Instant> to = time(ctx, "to", errors);
        Optional<Instant> from = time(ctx, "from", errors);
        Optional<Resolution> resolution = resolution(ctx.queryParam("resolution"), errors);
        Instant end = to.orElse(now);
        Instant start = from.orElse(end.minus(DEFAULT_HISTORY));
        if (errors.isEmpty() && !start.isBefore(end)) {
            errors.add(new ApiException.FieldError("from", ctx.queryParam("from"), "a time before to (" + end + ")"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid history query", errors);
        }
        Resolution res = resolution.orElse(
                Duration.between(start, end).compareTo(Duration.ofDays(2)) <= 0 ? Resolution.MINUTE : Resolution.HOUR);
        CheckId id = new CheckId(service, check);
        List<Object> rows = new ArrayList<>();
        // buckets that overlap [from, to): the one containing from is included
        for (Rollup r : backend.rollups(id, res, res.bucketStart(start), end)) {
            rows.add(rollup(r));
        }
        List<Object> events = new ArrayList<>();
        List<CheckEvent> newestFirst = backend.events(id, start, end, 1000);
        for (CheckEvent e : newestFirst.reversed()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", e.at().toString());
            m.put("from", e.fromState().toLowerCase(java.util.Locale.ROOT));
            m.put("to", e.toState().toLowerCase(java.util.Locale.ROOT));
            m.put("reason", e.reason());
            events.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", service);
        doc.put("check", check);
        doc.put("from", start.toString());
        doc.put("to", end.toString());
        doc.put("resolution", res.label());
        doc.put("rollups", rows);
        doc.put("events", events);
        send(ctx, 200, doc);
    }

    private static Map<String, Object> rollup(Rollup r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", r.bucketStart().toString());
        m.put("count", r.count());
        m.put("failures", r.failures());
        m.put("uptime", r.uptime());
        m.put(
                "latency_ms",
                Map.of(
                        "min", r.minLatency().toNanos() / 1e6,
                        "max", r.maxLatency().toNanos() / 1e6,
                        "mean", r.meanLatency().toNanos() / 1e6,
                        "p50", r.p50().toNanos() / 1e6,
                        "p95", r.p95().toNanos() / 1e6,
                        "p99", r.p99().toNanos() / 1e6));
        return m;
    }

    private static Optional<Instant> time(Context ctx, String name, List<ApiException.FieldError> errors) {
        String value = ctx.queryParam(name);
        try {
            return TimeParams.parse(value);
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldError(name, value, TimeParams.EXPECTED));
            return Optional.empty();
        }
    }

    private static Optional<Resolution> resolution(String value, List<ApiException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (Resolution r : Resolution.values()) {
            if (r.label().equals(value)) {
                return Optional.of(r);
            }
        }
        errors.add(new ApiException.FieldError("resolution", value, "1m or 1h"));
        return Optional.empty();
    }

    private void reload(Context ctx) {
        switch (backend.reload("http")) {
            case ApiBackend.ReloadOutcome.Reloaded r ->
                send(
                        ctx,
                        200,
                        Map.of(
                                "status",
                                "reloaded",
                                "checks",
                                r.checks(),
                                "added",
                                r.added(),
                                "removed",
                                r.removed(),
                                "changed",
                                r.changed()));
            case ApiBackend.ReloadOutcome.Rejected r -> {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("status", "error");
                doc.put("error", "the new stack file is invalid; the running configuration is unchanged");
                List<Object> errors = new ArrayList<>();
                for (ApiBackend.ConfigProblem e : r.errors()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("field", e.path());
                    m.put("value", e.seen());
                    m.put("expected", e.expected());
                    m.put("message", e.message());
                    m.put("file", e.file());
                    m.put("line", e.line());
                    m.put("column", e.column());
                    errors.add(m);
                }
                doc.put("errors", errors);
                send(ctx, 400, doc);
            }
        }
    }

    private void error(Context ctx, int status, String message, List<ApiException.FieldError> errors) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "error");
        doc.put("error", message);
        if (!errors.isEmpty()) {
            List<Object> list = new ArrayList<>();
            for (ApiException.FieldError e : errors) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", e.field());
                m.put("value", e.value());
                m.put("expected", e.expected());
                list.add(m);
            }
            doc.put("errors", list);
        }
        send(ctx, status, doc);
    }

    private void send(Context ctx, int status, Object doc) {
        ctx.status(status).contentType(JSON).result(json.writeValueAsString(doc));
    }
}
