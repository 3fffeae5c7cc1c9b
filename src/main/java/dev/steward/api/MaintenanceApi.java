package dev.steward.api;

import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.maintenance.CronSyntax;
import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Occurrence;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.maintenance.WindowError;
import dev.steward.core.route.Matcher;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/maintenance}: list windows with their occurrences in a range, create one, end one, read one. Mounted
 * on a Javalin configuration by the composition root; errors are rendered here in {@link ApiServer}'s shape so that
 * the routes work on any server. Windows of the stack file are listed but cannot be ended (409): they change with
 * the file.
 */
public final class MaintenanceApi {
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);
    static final Duration MAX_RANGE = Duration.ofDays(92);
    private final MaintenanceBackend backend;
    private final CronSyntax cron;
    private final JsonMapper json = JsonMapper.builder().build();

    public MaintenanceApi(MaintenanceBackend backend, CronSyntax cron) {
        this.backend = backend;
        this.cron = cron;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.get("/api/v1/maintenance", ctx -> guarded(ctx, () -> list(ctx)));
        cfg.routes.post("/api/v1/maintenance", ctx -> guarded(ctx, () -> create(ctx)));
        cfg.routes.get("/api/v1/maintenance/{id}", ctx -> guarded(ctx, () -> get(ctx)));
        cfg.routes.post("/api/v1/maintenance/{id}/end", ctx -> guarded(ctx, () -> end(ctx)));
    }

    private void list(Context ctx) {
        Instant now = backend.now();
        List<ApiException.FieldError> errors = new ArrayList<>();
        Optional<Instant> from = time(ctx, "from", errors);
        Optional<Instant> to = time(ctx, "to", errors);
        Instant start = from.orElse(now);
        Instant end = to.orElse(start.plus(DEFAULT_RANGE));
        if (errors.isEmpty() && !start.isBefore(end)) {
            errors.add(new ApiException.FieldError("to", ctx.queryParam("to"), "a time after from (" + start + ")"));
        } else if (errors.isEmpty() && Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            errors.add(new ApiException.FieldError(
                    "to", ctx.queryParam("to"), "a range of at most " + DurationLiteral.format(MAX_RANGE)));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid maintenance query", errors);
        }
        MaintenanceCalendar calendar = backend.calendar();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("now", now.toString());
        doc.put("from", start.toString());
        doc.put("to", end.toString());
        doc.put(
                "active",
                calendar.active(now).stream().map(MaintenanceApi::occurrence).toList());
        doc.put(
                "occurrences",
                calendar.occurrences(start, end).stream()
                        .map(MaintenanceApi::occurrence)
                        .toList());
        doc.put(
                "windows",
                calendar.windows().stream()
                        .filter(w -> isListed(w, now, start, end))
                        .map(w -> window(w, calendar, now))
                        .toList());
        send(ctx, 200, doc);
    }

    /** Windows that are not over yet, and those with an occurrence in the range asked for. */
    private static boolean isListed(MaintenanceWindow w, Instant now, Instant from, Instant to) {
        MaintenanceCalendar alone = new MaintenanceCalendar(List.of(w));
        return alone.nextChange(now).isPresent() || !alone.occurrences(from, to).isEmpty();
    }

    private void create(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JacksonException e) {
            throw new ApiException(400, "the body is not JSON: " + e.getOriginalMessage(), List.of());
        }
        WindowRequest.Result read = WindowRequest.read(body, backend.now(), cron);
        if (!read.errors().isEmpty()) {
            throw new ApiException(400, "invalid maintenance window", read.errors());
        }
        switch (backend.create(read.window().orElseThrow())) {
            case MaintenanceBackend.Created.Accepted a -> {
                ctx.header("Location", "/api/v1/maintenance/" + a.window().id());
                send(ctx, 201, window(a.window(), backend.calendar(), backend.now()));
            }
            case MaintenanceBackend.Created.Invalid i -> {
                List<ApiException.FieldError> errors = new ArrayList<>();
                for (WindowError e : i.errors()) {
                    errors.add(new ApiException.FieldError(e.field(), e.value(), e.expected()));
                }
                throw new ApiException(400, "invalid maintenance window", errors);
            }
        }
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        MaintenanceCalendar calendar = backend.calendar();
        MaintenanceWindow w =
                calendar.window(id).orElseThrow(() -> ApiException.notFound("no maintenance window " + id));
        send(ctx, 200, window(w, calendar, backend.now()));
    }

    private void end(Context ctx) {
        switch (backend.end(ctx.pathParam("id"))) {
            case MaintenanceBackend.Ended.Done d ->
                send(ctx, 200, window(d.window(), backend.calendar(), backend.now()));
            case MaintenanceBackend.Ended.NotFound n -> throw ApiException.notFound("no maintenance window " + n.id());
            case MaintenanceBackend.Ended.ReadOnly r ->
                throw new ApiException(
                        409,
                        "maintenance window " + r.window().id()
                                + " is declared in the stack file: change the file and reload to end it",
                        List.of());
            case MaintenanceBackend.Ended.AlreadyOver o ->
                throw new ApiException(409, "maintenance window " + o.window().id() + " is already over", List.of());
        }
    }

    static Map<String, Object> occurrence(Occurrence o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", o.window().id());
        m.put("title", o.window().title());
        m.put("start", o.start().toString());
        m.put("end", o.end().toString());
        m.put("reason", o.reason());
        return m;
    }

    static Map<String, Object> window(MaintenanceWindow w, MaintenanceCalendar calendar, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("title", w.title());
        m.put("origin", w.origin().name().toLowerCase(Locale.ROOT));
        m.put("read_only", w.readOnly());
        m.put("schedule", schedule(w.schedule()));
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("services", new TreeSet<>(w.scope().services()));
        scope.put(
                "match",
                w.scope().matchers().list().stream().map(Matcher::toString).toList());
        scope.put("propagate_to_dependants", w.scope().propagateToDependants());
        m.put("scope", scope);
        m.put("freeze_deployments", w.freezeDeployments());
        m.put("emergency", w.emergency());
        m.put("declared_by", w.declaredBy());
        m.put("reason", w.reason());
        m.put(
                "created_at",
                w.origin() == MaintenanceWindow.Origin.API ? w.createdAt().toString() : null);
        m.put("ended_at", w.endedAt().map(Instant::toString).orElse(null));
        MaintenanceCalendar alone = new MaintenanceCalendar(List.of(w));
        m.put(
                "active",
                alone.active(now).stream()
                        .findFirst()
                        .map(MaintenanceApi::occurrence)
                        .orElse(null));
        m.put("next", alone.nextStart(now).map(MaintenanceApi::occurrence).orElse(null));
        return m;
    }

    private static Map<String, Object> schedule(Schedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (s) {
            case Schedule.OneOff o -> {
                m.put("kind", "one_off");
                m.put("start", o.start().toString());
                m.put("end", o.end().toString());
            }
            case Schedule.Weekly w -> {
                m.put("kind", "weekly");
                m.put(
                        "days",
                        w.days().stream()
                                .sorted()
                                .map(DayOfWeek::name)
                                .map(d -> d.substring(0, 3).toLowerCase(Locale.ROOT))
                                .toList());
                m.put("at", w.at().toString());
                m.put("duration", DurationLiteral.format(w.duration()));
                m.put("zone", w.zone().getId());
            }
            case Schedule.Cron c -> {
                m.put("kind", "cron");
                m.put("cron", c.rule().expression());
                m.put("duration", DurationLiteral.format(c.duration()));
                m.put("zone", c.zone().getId());
            }
        }
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

    private void guarded(Context ctx, Runnable handler) {
        try {
            handler.run();
        } catch (ApiException e) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", "error");
            doc.put("error", e.getMessage());
            if (!e.errors().isEmpty()) {
                List<Object> list = new ArrayList<>();
                for (ApiException.FieldError f : e.errors()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("field", f.field());
                    m.put("value", f.value());
                    m.put("expected", f.expected());
                    list.add(m);
                }
                doc.put("errors", list);
            }
            send(ctx, e.status(), doc);
        }
    }

    private void send(Context ctx, int status, Object doc) {
        ctx.status(status).contentType(ApiServer.JSON).result(json.writeValueAsString(doc));
    }
}
