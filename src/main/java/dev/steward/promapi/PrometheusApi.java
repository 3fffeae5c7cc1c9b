package dev.steward.promapi;

import dev.steward.api.TimeParams;
import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.series.Labels;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus-compatible query API. Parameters come from the query string or a form-encoded POST body, as in
 * Prometheus; answers use its envelope ({@code status}, {@code data}, {@code errorType}, {@code error}, {@code
 * warnings}, {@code infos}).
 */
public final class PrometheusApi {
    /** Prometheus's limit on points per series in a range query. */
    static final long MAX_POINTS = 11_000;

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final Instant MIN_TIME = Instant.ofEpochMilli(Long.MIN_VALUE / 2);
    private static final Instant MAX_TIME = Instant.ofEpochMilli(Long.MAX_VALUE / 2);

    private final PrometheusBackend backend;
    private final JsonMapper json = JsonMapper.builder().build();

    public PrometheusApi(PrometheusBackend backend) {
        this.backend = backend;
    }

    /** A parameter the request got wrong: Prometheus's {@code bad_data}. */
    static final class BadData extends RuntimeException {
        BadData(String message) {
            super(message);
        }
    }

    public void mount(JavalinConfig cfg) {
        both(cfg, "/api/v1/query", this::query);
        both(cfg, "/api/v1/query_range", this::queryRange);
        both(cfg, "/api/v1/series", this::series);
        both(cfg, "/api/v1/labels", this::labels);
        cfg.routes.get("/api/v1/label/{name}/values", this::labelValues);
        cfg.routes.get(
                "/api/v1/rules",
                ctx -> success(ctx, backend.rules(param(ctx, "type").orElse(""))));
        cfg.routes.get("/api/v1/alerts", ctx -> success(ctx, backend.alerts()));
        cfg.routes.get("/api/v1/status/buildinfo", ctx -> success(ctx, buildInfo()));
        both(cfg, "/api/v1/query_exemplars", ctx -> success(ctx, List.of()));
        cfg.routes.get("/api/v1/metadata", ctx -> success(ctx, Map.of()));
    }

    private static void both(JavalinConfig cfg, String path, Handler handler) {
        cfg.routes.get(path, handler);
        cfg.routes.post(path, handler);
    }

    private void query(Context ctx) {
        guarded(ctx, () -> {
            String query = required(ctx, "query");
            Instant time = time(ctx, "time").orElseGet(backend::now);
            render(ctx, backend.instant(query, time, timeout(ctx)));
        });
    }

    private void queryRange(Context ctx) {
        guarded(ctx, () -> {
            String query = required(ctx, "query");
            Instant start = time(ctx, "start").orElseThrow(() -> missing("start"));
            Instant end = time(ctx, "end").orElseThrow(() -> missing("end"));
            Duration step = duration(ctx, "step").orElseThrow(() -> missing("step"));
            if (end.isBefore(start)) {
                throw new BadData("invalid parameter \"end\": end timestamp must not be before start time");
            }
            if (step.isZero() || step.isNegative()) {
                throw new BadData(
                        "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. "
                                + "Try a positive integer");
            }
            if (Duration.between(start, end).toMillis() / Math.max(1, step.toMillis()) > MAX_POINTS) {
                throw new BadData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the "
                        + "query resolution (?step=XX)");
            }
            render(ctx, backend.range(query, start, end, step, timeout(ctx)));
        });
    }

    private void series(Context ctx) {
        guarded(ctx, () -> {
            List<String> match = matchers(ctx);
            if (match.isEmpty()) {
                throw new BadData("no match[] parameter provided");
            }
            List<Object> result = new ArrayList<>();
            for (Labels l : selectorCall(() -> backend.series(match, start(ctx), end(ctx)))) {
                result.add(PromJson.metric(l));
            }
            success(ctx, result);
        });
    }

    private void labels(Context ctx) {
        guarded(ctx, () -> success(ctx, selectorCall(() -> backend.labelNames(matchers(ctx), start(ctx), end(ctx)))));
    }

    private void labelValues(Context ctx) {
        guarded(ctx, () -> {
            String name = ctx.pathParam("name");
            if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new BadData("invalid label name: \"" + name + "\"");
            }
            success(ctx, selectorCall(() -> backend.labelValues(name, matchers(ctx), start(ctx), end(ctx))));
        });
    }

    private Map<String, Object> buildInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", backend.version());
        m.put("revision", "");
        m.put("branch", "");
        m.put("buildUser", "");
        m.put("buildDate", "");
        m.put("goVersion", "");
        m.put("application", "steward");
        return m;
    }

    private void render(Context ctx, QueryResult result) {
        switch (result) {
            case QueryResult.Success s -> {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("status", "success");
                doc.put("data", PromJson.data(s.value()));
                if (!s.warnings().isEmpty()) {
                    doc.put("warnings", s.warnings());
                }
                if (!s.infos().isEmpty()) {
                    doc.put("infos", s.infos());
                }
                send(ctx, 200, doc);
            }
            case QueryResult.Failure f -> error(ctx, f.type(), f.message());
        }
    }

    private void guarded(Context ctx, Runnable body) {
        try {
            body.run();
        } catch (BadData e) {
            error(ctx, "bad_data", e.getMessage());
        }
    }

    private static <T> T selectorCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new BadData(e.getMessage());
        }
    }

    private void success(Context ctx, Object data) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "success");
        doc.put("data", data);
        send(ctx, 200, doc);
    }

    private void error(Context ctx, String type, String message) {
        int status = switch (type) {
            case "bad_data" -> 400;
            case "execution" -> 422;
            case "timeout", "canceled" -> 503;
            case "not_found" -> 404;
            default -> 500;
        };
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "error");
        doc.put("errorType", type);
        doc.put("error", message);
        send(ctx, status, doc);
    }

    private void send(Context ctx, int status, Object doc) {
        ctx.status(status).contentType("application/json").result(json.writeValueAsString(doc));
    }

    static Optional<String> param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null && isForm(ctx)) {
            v = ctx.formParam(name);
        }
        return Optional.ofNullable(v);
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    private static List<String> matchers(Context ctx) {
        List<String> out = new ArrayList<>(ctx.queryParams("match[]"));
        if (isForm(ctx)) {
            out.addAll(ctx.formParams("match[]"));
        }
        return out;
    }

    private static String required(Context ctx, String name) {
        return param(ctx, name).filter(s -> !s.isBlank()).orElseThrow(() -> missing(name));
    }

    private static BadData missing(String name) {
        return new BadData("invalid parameter \"" + name + "\": missing " + name);
    }

    private static Optional<Instant> time(Context ctx, String name) {
        Optional<String> value = param(ctx, name).filter(s -> !s.isBlank());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return TimeParams.parse(value.get());
        } catch (IllegalArgumentException e) {
            throw new BadData("invalid parameter \"" + name + "\": cannot parse \"" + value.get()
                    + "\" to a valid timestamp; expected " + TimeParams.EXPECTED);
        }
    }

    private static Instant start(Context ctx) {
        return time(ctx, "start").orElse(MIN_TIME);
    }

    private static Instant end(Context ctx) {
        return time(ctx, "end").orElse(MAX_TIME);
    }

    /** A duration as Prometheus accepts it: float seconds ({@code 15}, {@code 0.5}) or {@code 15s}, {@code 1m}. */
    static Optional<Duration> duration(Context ctx, String name) {
        Optional<String> value = param(ctx, name).filter(s -> !s.isBlank());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        try {
            BigDecimal seconds = new BigDecimal(text);
            return Optional.of(Duration.ofNanos(seconds.movePointRight(9).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: a duration literal below
        }
        return Optional.of(DurationLiteral.parse(text)
                .orElseThrow(() -> new BadData(
                        "invalid parameter \"" + name + "\": cannot parse \"" + text + "\" to a valid duration")));
    }

    private static Duration timeout(Context ctx) {
        return duration(ctx, "timeout").orElse(DEFAULT_TIMEOUT);
    }
}
