package dev.steward.demo;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's deployable service: {@code GET /checkout} answered by the stable or the canary version of a {@link
 * CheckoutSplit}, {@code GET /health}, {@code GET /metrics} ({@code http_requests_total{role, version, code}}), and
 * {@code POST /deploy}, which takes the body Steward's {@code http} deploy provider sends ({@code {action, version,
 * stable_version, weight, ...}}) and applies {@code deploy}, {@code set_weight}, {@code promote} (or {@code switch}),
 * {@code rollback} and {@code cleanup} to the split. {@code GET /deploy} shows the split.
 */
final class CheckoutService {

    static final String FIRST_VERSION = "1.0.0";
    private static final JsonMapper JSON = JsonMapper.shared();

    private record Key(String role, String version, int code) {}

    private final CheckoutSplit split = new CheckoutSplit(FIRST_VERSION);
    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();

    void routes(RoutesConfig routes) {
        routes.get("/checkout", this::checkout);
        routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "UP")));
        routes.get("/metrics", ctx -> ctx.contentType(HttpMetrics.CONTENT_TYPE).result(metrics()));
        routes.get("/deploy", ctx -> json(ctx, 200, state()));
        routes.post("/deploy", this::deploy);
    }

    CheckoutSplit split() {
        return split;
    }

    private void checkout(Context ctx) {
        CheckoutSplit.Route route = split.next();
        int code = route.fails() ? 503 : 200;
        requests.computeIfAbsent(new Key(route.role(), route.version(), code), k -> new LongAdder())
                .increment();
        var body = new LinkedHashMap<String, Object>();
        body.put("version", route.version());
        body.put("role", route.role());
        if (route.fails()) {
            body.put("error", "version " + route.version() + " is a bad build (its name contains \"bad\")");
        }
        json(ctx, code, body);
    }

    private void deploy(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (RuntimeException e) {
            json(ctx, 400, Map.of("error", "the body is not JSON: " + e.getMessage()));
            return;
        }
        String action = body.path("action").asString("");
        String version = body.path("version").asString("");
        int weight = body.path("weight").asInt(0);
        switch (action) {
            case "deploy" -> split.deploy(version, weight);
            case "set_weight" -> split.setWeight(weight);
            case "promote", "switch" -> split.promote();
            case "rollback" ->
                split.rollback(Optional.of(body.path("stable_version").asString("")));
            case "cleanup" -> {}
            default -> {
                json(
                        ctx,
                        400,
                        Map.of(
                                "error",
                                "unknown action '" + action + "'; the checkout demo takes deploy,"
                                        + " set_weight, promote, switch, rollback and cleanup"));
                return;
            }
        }
        json(ctx, 200, state());
    }

    private Map<String, Object> state() {
        var m = new LinkedHashMap<String, Object>();
        m.put("stable", split.stable());
        m.put("canary", split.canary().orElse(null));
        m.put("weight", split.weight());
        return m;
    }

    String metrics() {
        var out = new StringBuilder();
        out.append("# HELP http_requests_total Checkout requests answered, by version and HTTP status code.\n");
        out.append("# TYPE http_requests_total counter\n");
        var sorted = new TreeMap<String, Long>();
        requests.forEach((k, v) -> sorted.put(
                "{handler=\"/checkout\",role=\"" + k.role() + "\",version=\"" + escape(k.version()) + "\",code=\""
                        + k.code() + "\"}",
                v.sum()));
        sorted.forEach((labels, value) -> out.append("http_requests_total")
                .append(labels)
                .append(' ')
                .append(value)
                .append('\n'));
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
    }
}
