package dev.steward.api;

import dev.steward.core.access.Principal;
import dev.steward.core.deploy.CommandOutcome;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Trigger;
import dev.steward.engine.Deployments;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steward's deployment API under {@code /api/v1/deployments}: start a deployment (201; 409 while one of the same
 * service and environment is active; 400 listing every bad field), list them (active first), read one with its plan,
 * state and full timeline, and promote, pause, resume, abort or roll it back (409 with the policy's reason when the
 * transition table refuses). Who acts is the authenticated principal.
 */
public final class DeploymentApi {
    static final Set<String> START_FIELDS =
            Set.of("service", "environment", "version", "stable_version", "start_at", "by");
    private static final Map<String, Trigger> COMMANDS = Map.of(
            "promote", Trigger.PROMOTE,
            "pause", Trigger.PAUSE,
            "resume", Trigger.RESUME,
            "abort", Trigger.ABORT,
            "rollback", Trigger.ROLLBACK);

    private final Deployments backend;
    private final JsonMapper json = JsonMapper.builder().build();

    public DeploymentApi(Deployments backend) {
        this.backend = backend;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.post("/api/v1/deployments", this::start);
        cfg.routes.get("/api/v1/deployments", this::list);
        cfg.routes.get("/api/v1/deployments/{id}", ctx -> {
            String id = ctx.pathParam("id");
            Deployment d = backend.get(id).orElseThrow(() -> ApiException.notFound("no deployment " + id));
            send(ctx, 200, DeploymentJson.full(d, backend.now()));
        });
        for (String command : List.of("promote", "pause", "resume", "abort", "rollback")) {
            cfg.routes.post("/api/v1/deployments/{id}/" + command, ctx -> command(ctx, COMMANDS.get(command)));
        }
    }

    private void start(Context ctx) {
        JsonNode body = body(ctx);
        List<ApiException.FieldError> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!START_FIELDS.contains(name)) {
                errors.add(new ApiException.FieldError(
                        name,
                        body.get(name).toString(),
                        "no such field; fields are service, environment, version, stable_version, start_at, by"));
            }
        }
        Optional<String> stable = body.has("stable_version")
                ? Optional.of(body.get("stable_version").asString(""))
                : Optional.empty();
        var request = new Deployments.StartRequest(
                text(body, "service", errors),
                text(body, "environment", errors),
                text(body, "version", errors),
                stable,
                actor(ctx, body),
                startAt(body, errors));
        for (String required : List.of("service", "environment", "version")) {
            if (body.path(required).asString("").isBlank()
                    && errors.stream().noneMatch(e -> e.field().equals(required))) {
                errors.add(new ApiException.FieldError(required, "", "a " + required + " name (required)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "bad deployment request", errors);
        }
        switch (backend.start(request)) {
            case Deployments.Started.Created c -> send(ctx, 201, DeploymentJson.full(c.deployment(), backend.now()));
            case Deployments.Started.Invalid i ->
                throw new ApiException(
                        400,
                        "bad deployment request",
                        i.problems().stream()
                                .map(p -> new ApiException.FieldError(p.field(), p.seen(), p.expected()))
                                .toList());
            case Deployments.Started.Conflict c -> throw new ApiException(409, c.reason(), List.of());
        }
    }

    /** {@code start_at}: when a scheduled deployment starts; absent or null to start now. */
    private static Optional<Instant> startAt(JsonNode body, List<ApiException.FieldError> errors) {
        JsonNode n = body.path("start_at");
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        Optional<Instant> at;
        try {
            at = n.isString() || n.isNumber() ? TimeParams.parse(n.asString()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            at = Optional.empty();
        }
        if (at.isEmpty()) {
            errors.add(new ApiException.FieldError("start_at", n.toString(), TimeParams.EXPECTED));
        }
        return at;
    }

    private static String text(JsonNode body, String field, List<ApiException.FieldError> errors) {
        JsonNode n = body.path(field);
        if (!n.isMissingNode() && !n.isString()) {
            errors.add(new ApiException.FieldError(field, n.toString(), "a string"));
            return "";
        }
        return n.asString("").strip();
    }

    private void list(Context ctx) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Optional<StateKind> state = Optional.ofNullable(ctx.queryParam("state")).flatMap(s -> {
            Optional<StateKind> k = Arrays.stream(StateKind.values())
                    .filter(x -> x.label().equals(s.toLowerCase(Locale.ROOT)))
                    .findFirst();
            if (k.isEmpty()) {
                errors.add(new ApiException.FieldError(
                        "state",
                        s,
                        "one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(StateKind.values())
                                                .map(StateKind::label)
                                                .toList())));
            }
            return k;
        });
        int limit = limit(ctx.queryParam("limit"), errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, "bad query parameters", errors);
        }
        List<Object> out = new ArrayList<>();
        for (Deployment d : backend.list(
                Optional.ofNullable(ctx.queryParam("service")),
                Optional.ofNullable(ctx.queryParam("environment")),
                state,
                limit)) {
            out.add(DeploymentJson.summary(d, backend.now()));
        }
        send(ctx, 200, out);
    }

    private static int limit(String l, List<ApiException.FieldError> errors) {
        if (l == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(l);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ApiException.FieldError("limit", l, "an integer from 1 to 1000"));
        return 100;
    }

    private void command(Context ctx, Trigger command) {
        String id = ctx.pathParam("id");
        JsonNode body = body(ctx);
        String reason = body.path("reason").asString("");
        CommandOutcome outcome = backend.command(id, command, actor(ctx, body), reason)
                .orElseThrow(() -> ApiException.notFound("no deployment " + id));
        switch (outcome) {
            case CommandOutcome.Applied a ->
                send(ctx, 200, DeploymentJson.full(a.step().deployment(), backend.now()));
            case CommandOutcome.Rejected r -> throw new ApiException(409, r.reason(), List.of());
        }
    }

    /** The authenticated user or token; in open mode (no credentials exist, loopback only) the body's {@code by}. */
    private static String actor(Context ctx, JsonNode body) {
        return AccessControl.principal(ctx)
                .filter(p -> p.kind() != Principal.Kind.OPEN)
                .map(Principal::name)
                .or(() -> Optional.of(body.path("by").asString("").strip()).filter(b -> !b.isEmpty()))
                .orElse("anonymous");
    }

    private JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode n = json.readTree(text);
            if (n.isObject()) {
                return n;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new ApiException(
                400,
                "bad body",
                List.of(new ApiException.FieldError(
                        "body", text.length() > 80 ? text.substring(0, 77) + "..." : text, "a JSON object")));
    }

    private void send(Context ctx, int status, Object data) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "success");
        doc.put("data", data);
        ctx.status(status).contentType(ApiServer.JSON).result(json.writeValueAsString(doc));
    }
}
