package dev.steward.demo;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP face of a {@link FaultController}, meant to be mounted on Steward's own server:
 *
 * <ul>
 *   <li>{@code GET /demo/faults}: {@code {"faults":[{"service":"api","fault":"slow","latency_ms":3000}]}}
 *   <li>{@code POST /demo/faults} with {@code {"service":"search","fault":"status","status":"red"}} or {@code
 *       {"service":"api","fault":"clear"}}: applies it, answers the active faults as above; a bad body gets 400 with
 *       {@code {"status":"error","error":..., "errors":[{"field","value","expected","allowed"}]}}
 *   <li>{@code DELETE /demo/faults}: clears every fault, answers {@code {"faults":[]}}
 * </ul>
 *
 * The methods {@link #list()}, {@link #apply(String)} and {@link #clearAll()} give the same answers without Javalin.
 */
public final class FaultApi {

    public static final String PATH = "/demo/faults";

    /** An answer: HTTP status and JSON body. */
    public record Response(int status, String json) {}

    private static final JsonMapper JSON = JsonMapper.shared();
    private final FaultController faults;

    public FaultApi(FaultController faults) {
        this.faults = faults;
    }

    /** Adds the three routes to a Javalin configuration: {@code Javalin.create(cfg -> faultApi.mount(cfg))}. */
    public void mount(JavalinConfig config) {
        mount(config.routes);
    }

    public void mount(RoutesConfig routes) {
        routes.get(PATH, ctx -> send(ctx, list()));
        routes.post(PATH, ctx -> send(ctx, apply(ctx.body())));
        routes.delete(PATH, ctx -> send(ctx, clearAll()));
    }

    public Response list() {
        var rows = new ArrayList<Map<String, Object>>();
        faults.active().forEach((service, fault) -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("service", service.id());
            row.put("fault", fault.kind());
            row.putAll(fault.parameters());
            rows.add(row);
        });
        return new Response(200, JSON.writeValueAsString(Map.of("faults", rows)));
    }

    public Response apply(String body) {
        return switch (FaultRequest.parse(body)) {
            case FaultRequest.Invalid invalid -> rejected(invalid.errors());
            case FaultRequest.Valid valid -> applied(valid);
        };
    }

    public Response clearAll() {
        try {
            faults.clearAll();
        } catch (RuntimeException e) {
            return failed(e);
        }
        return list();
    }

    private Response applied(FaultRequest.Valid valid) {
        try {
            valid.fault().ifPresentOrElse(f -> faults.inject(valid.service(), f), () -> faults.clear(valid.service()));
        } catch (RuntimeException e) {
            return failed(e);
        }
        return list();
    }

    private static Response rejected(List<FaultRequest.FieldError> errors) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", "error");
        body.put("error", "invalid fault request: " + FaultRequest.describe(errors));
        body.put("errors", errors);
        return new Response(400, JSON.writeValueAsString(body));
    }

    /** The fault was recorded but a service could not follow it (for example its port was taken meanwhile). */
    private static Response failed(RuntimeException e) {
        return new Response(
                500, JSON.writeValueAsString(Map.of("status", "error", "error", String.valueOf(e.getMessage()))));
    }

    private static void send(Context ctx, Response response) {
        ctx.status(response.status()).contentType("application/json").result(response.json());
    }
}
