package dev.steward.api;

import dev.steward.core.incident.CommandOutcome;
import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentState;
import dev.steward.core.incident.Note;
import dev.steward.core.incident.TimelineEntry;
import dev.steward.core.oncall.Target;
import dev.steward.core.promql.parse.Durations;
import dev.steward.core.route.Alert;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Steward's incident API under {@code /api/v1/incidents}: list and read incidents with their alerts and timeline, and
 * acknowledge, resolve, snooze, annotate and reassign them. The signed links in notifications ({@code /act/{token}})
 * show a confirmation page whose button acts; a GET alone changes nothing. Refused commands answer 409 with the
 * reason; a bad body answers 400 listing every bad field.
 */
public final class IncidentApi {
    static final Set<String> STATES = Set.of("open", "all", "held", "triggered", "acknowledged", "snoozed", "resolved");

    /** What the API needs from the daemon. */
    public interface Backend {
        Instant now();

        /** Newest first; {@code state} is one of {@link #STATES}. */
        List<Incident> list(String state, Optional<String> service, int limit);

        Optional<Incident> get(String id);

        /** Applies {@code command}; empty when no incident has that id. */
        Optional<CommandOutcome> command(String id, Command command);
    }

    /** An operator command as the API received it. */
    public sealed interface Command {
        String by();

        record Acknowledge(String by) implements Command {}

        record Resolve(String by) implements Command {}

        record Snooze(String by, Optional<Instant> until) implements Command {}

        record AddNote(String by, String text) implements Command {}

        record Reassign(String by, Target to) implements Command {}
    }

    private final Backend backend;
    private final Optional<SignedLinks> links;
    private final JsonMapper json = JsonMapper.builder().build();

    public IncidentApi(Backend backend, Optional<SignedLinks> links) {
        this.backend = backend;
        this.links = links;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.get("/api/v1/incidents", this::list);
        cfg.routes.get("/api/v1/incidents/{id}", ctx -> send(ctx, 200, render(found(ctx.pathParam("id")))));
        cfg.routes.post("/api/v1/incidents/{id}/ack", ctx -> act(ctx, new Command.Acknowledge(by(body(ctx)))));
        cfg.routes.post("/api/v1/incidents/{id}/resolve", ctx -> act(ctx, new Command.Resolve(by(body(ctx)))));
        cfg.routes.post("/api/v1/incidents/{id}/snooze", ctx -> act(ctx, snooze(body(ctx))));
        cfg.routes.post("/api/v1/incidents/{id}/notes", ctx -> act(ctx, note(body(ctx))));
        cfg.routes.post("/api/v1/incidents/{id}/reassign", ctx -> act(ctx, reassign(body(ctx))));
        cfg.routes.get("/act/{token}", this::confirmPage);
        cfg.routes.post("/act/{token}", this::actByLink);
    }

    private void list(Context ctx) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("open");
        if (!STATES.contains(state)) {
            errors.add(new ApiException.FieldError("state", state, "one of " + String.join(", ", sorted(STATES))));
        }
        int limit = 100;
        String l = ctx.queryParam("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
                if (limit < 1 || limit > 1000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(new ApiException.FieldError("limit", l, "an integer from 1 to 1000"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "bad query parameters", errors);
        }
        List<Object> out = new ArrayList<>();
        for (Incident i : backend.list(state, Optional.ofNullable(ctx.queryParam("service")), limit)) {
            out.add(summary(i));
        }
        send(ctx, 200, out);
    }

    private Incident found(String id) {
        return backend.get(id).orElseThrow(() -> ApiException.notFound("no incident " + id));
    }

    private void act(Context ctx, Command command) {
        String id = ctx.pathParam("id");
        CommandOutcome outcome =
                backend.command(id, command).orElseThrow(() -> ApiException.notFound("no incident " + id));
        switch (outcome) {
            case CommandOutcome.Applied a -> send(ctx, 200, render(a.incident()));
            case CommandOutcome.Rejected r -> throw new ApiException(409, r.reason(), List.of());
        }
    }

    /**
     * The request's JSON object; without a {@code by}, the authenticated user or token (see {@link AccessControl}) is
     * who acts.
     */
    private JsonNode body(Context ctx) {
        ObjectNode n = parse(ctx);
        if (n.path("by").asString("").isBlank()) {
            AccessControl.principal(ctx)
                    .filter(p -> p.kind() != dev.steward.core.access.Principal.Kind.OPEN)
                    .ifPresent(p -> n.put("by", p.name()));
        }
        return n;
    }

    private ObjectNode parse(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode n = json.readTree(text);
            if (!(n instanceof ObjectNode)) {
                throw new ApiException(
                        400,
                        "bad body",
                        List.of(new ApiException.FieldError("body", abbreviate(text), "a JSON object")));
            }
            return (ObjectNode) n;
        } catch (JacksonException e) {
            throw new ApiException(
                    400, "bad body", List.of(new ApiException.FieldError("body", abbreviate(text), "a JSON object")));
        }
    }

    private static String by(JsonNode body) {
        String by = body.path("by").asString("");
        if (by.isBlank()) {
            throw new ApiException(
                    400, "bad body", List.of(new ApiException.FieldError("by", "", "the name of who acts")));
        }
        return by;
    }

    private Command snooze(JsonNode body) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String by = body.path("by").asString("");
        if (by.isBlank()) {
            errors.add(new ApiException.FieldError("by", "", "the name of who acts"));
        }
        String until = body.path("until").asString("");
        String forText = body.path("for").asString("");
        Optional<Instant> at = Optional.empty();
        if (until.isEmpty() == forText.isEmpty()) {
            errors.add(new ApiException.FieldError(
                    "until", until, "exactly one of until (RFC 3339 time or \"resolved\") and for (a duration)"));
        } else if (!forText.isEmpty()) {
            try {
                Duration d = Duration.ofMillis(Durations.parseMillis(forText));
                at = Optional.of(backend.now().plus(d));
            } catch (RuntimeException e) {
                errors.add(new ApiException.FieldError("for", forText, "a duration such as 30m or 2h"));
            }
        } else if (!until.equals("resolved")) {
            try {
                at = Optional.of(Instant.parse(until));
                if (!at.get().isAfter(backend.now())) {
                    errors.add(new ApiException.FieldError("until", until, "a time in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new ApiException.FieldError("until", until, "an RFC 3339 time or \"resolved\""));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "bad body", errors);
        }
        return new Command.Snooze(by, at);
    }

    private static Command note(JsonNode body) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String by = body.path("by").asString("");
        String text = body.path("text").asString("");
        if (by.isBlank()) {
            errors.add(new ApiException.FieldError("by", "", "the name of who acts"));
        }
        if (text.isBlank()) {
            errors.add(new ApiException.FieldError("text", text, "the note's text"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "bad body", errors);
        }
        return new Command.AddNote(by, text);
    }

    private static Command reassign(JsonNode body) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        String by = body.path("by").asString("");
        String to = body.path("to").asString("");
        if (by.isBlank()) {
            errors.add(new ApiException.FieldError("by", "", "the name of who acts"));
        }
        Optional<Target> target = target(to);
        if (target.isEmpty()) {
            errors.add(new ApiException.FieldError("to", to, "person:NAME, schedule:NAME or receiver:NAME"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "bad body", errors);
        }
        return new Command.Reassign(by, target.get());
    }

    static Optional<Target> target(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String name = text.substring(colon + 1);
        return switch (text.substring(0, colon)) {
            case "person" -> Optional.of(new Target.Person(name));
            case "schedule" -> Optional.of(new Target.Schedule(name));
            case "receiver" -> Optional.of(new Target.Receiver(name));
            default -> Optional.empty();
        };
    }

    static String targetText(Target t) {
        return switch (t) {
            case Target.Person p -> "person:" + p.name();
            case Target.Schedule s -> "schedule:" + s.name();
            case Target.Receiver r -> "receiver:" + r.name();
        };
    }

    private SignedLinks.Grant grant(Context ctx) {
        SignedLinks l = links.orElseThrow(() -> ApiException.notFound("links are not enabled"));
        return l.verify(ctx.pathParam("token"), backend.now())
                .orElseThrow(() -> new ApiException(403, "this link is invalid or has expired", List.of()));
    }

    private void confirmPage(Context ctx) {
        SignedLinks.Grant g = grant(ctx);
        Incident i = found(g.incidentId());
        String action = g.action().equals("ack") ? "Acknowledge" : "Resolve";
        ctx.contentType("text/html; charset=utf-8")
                .result("<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport"
                        + " content='width=device-width'><title>" + action + " incident</title><body"
                        + " style='font-family:sans-serif;max-width:40em;margin:2em auto'><h1>"
                        + Html.escape(i.title()) + "</h1><p>State: " + Html.escape(i.stateName()) + "</p>"
                        + "<form method=post><label>Your name <input name=by required></label> <button>" + action
                        + "</button></form></body></html>");
    }

    private void actByLink(Context ctx) {
        SignedLinks.Grant g = grant(ctx);
        String by = Optional.ofNullable(ctx.formParam("by"))
                .filter(s -> !s.isBlank())
                .orElse("link");
        Command c = g.action().equals("ack") ? new Command.Acknowledge(by) : new Command.Resolve(by);
        CommandOutcome outcome = backend.command(g.incidentId(), c)
                .orElseThrow(() -> ApiException.notFound("no incident " + g.incidentId()));
        String text = switch (outcome) {
            case CommandOutcome.Applied a ->
                "Done: the incident is " + a.incident().stateName() + ".";
            case CommandOutcome.Rejected r -> r.reason();
        };
        ctx.status(outcome instanceof CommandOutcome.Applied ? 200 : 409)
                .contentType("text/html; charset=utf-8")
                .result("<!doctype html><html lang=en><meta charset=utf-8><title>Incident</title><body"
                        + " style='font-family:sans-serif;max-width:40em;margin:2em auto'><p>" + Html.escape(text)
                        + "</p></body></html>");
    }

    static Map<String, Object> summary(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("state", i.stateName());
        m.put("title", i.title());
        m.put("service", i.service());
        m.put("severity", i.severity().name());
        m.put("receiver", i.receiver());
        m.put("openedAt", i.openedAt().toString());
        i.resolvedAt().ifPresent(t -> m.put("resolvedAt", t.toString()));
        switch (i.state()) {
            case IncidentState.Held h -> m.put("heldBy", h.cause().describe());
            case IncidentState.Triggered t -> {
                m.put("level", t.escalation().level());
                t.escalation().nextAt().ifPresent(n -> m.put("nextEscalationAt", n.toString()));
            }
            case IncidentState.Acknowledged a -> {
                m.put("acknowledgedBy", a.by());
                m.put("acknowledgedAt", a.at().toString());
                m.put("ackTimeoutAt", a.ackTimeoutAt().toString());
            }
            case IncidentState.Snoozed s -> {
                m.put("snoozedBy", s.by());
                m.put("snoozedUntil", s.until().map(Instant::toString).orElse("resolved"));
            }
            case IncidentState.Resolved r -> m.put("resolvedBy", r.by());
        }
        i.assignee().ifPresent(a -> m.put("assignee", targetText(a)));
        m.put("escalationPolicy", i.escalationPolicy().name());
        m.put("firing", i.alerts().stream().filter(a -> a.endsAt().isEmpty()).count());
        return m;
    }

    static Map<String, Object> render(Incident i) {
        Map<String, Object> m = summary(i);
        m.put("paged", i.paged().stream().map(IncidentApi::targetText).toList());
        List<Object> alerts = new ArrayList<>();
        for (Alert a : i.alerts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("labels", a.labels().toMap());
            x.put("annotations", a.annotations());
            x.put("firing", a.endsAt().isEmpty());
            x.put("startsAt", a.startsAt().toString());
            a.endsAt().ifPresent(e -> x.put("endsAt", e.toString()));
            alerts.add(x);
        }
        m.put("alerts", alerts);
        List<Object> notes = new ArrayList<>();
        for (Note n : i.notes()) {
            notes.add(Map.of("at", n.at().toString(), "by", n.by(), "text", n.text()));
        }
        m.put("notes", notes);
        List<Object> timeline = new ArrayList<>();
        for (TimelineEntry e : i.timeline()) {
            timeline.add(Map.of("at", e.at().toString(), "actor", e.actor(), "event", e.what()));
        }
        m.put("timeline", timeline);
        return m;
    }

    private void send(Context ctx, int status, Object data) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "success");
        doc.put("data", data);
        ctx.status(status).contentType(ApiServer.JSON).result(json.writeValueAsString(doc));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
