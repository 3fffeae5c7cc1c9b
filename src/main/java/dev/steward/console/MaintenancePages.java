package dev.steward.console;

import dev.steward.api.ApiException;
import dev.steward.api.MaintenanceBackend;
import dev.steward.api.WindowRequest;
import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Occurrence;
import dev.steward.core.maintenance.Scope;
import dev.steward.core.route.Parsed;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maintenance windows: the next four weeks as a calendar (UTC), the active and upcoming windows, a form for a one-off
 * window and ending an active one, through the audited backend of {@code /api/v1/maintenance} (the form is read by the
 * API's own request reader, so it is checked the same way).
 */
public final class MaintenancePages {
    private static final int WEEKS = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Set<String> FORM_FIELDS = Set.of("title", "services", "start", "duration", "reason");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConsoleBackend backend;
    private final Views views;

    MaintenancePages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/maintenance", ctx -> show(ctx, 200, blank(), Optional.empty()));
        cfg.routes.post("/ui/maintenance", this::create);
        cfg.routes.post("/ui/maintenance/{id}/end", this::end);
    }

    /** One occurrence in a day of the calendar. */
    public record Slot(String time, String title, boolean active) {}

    /** One day of the calendar. */
    public record Day(String date, String label, boolean today, boolean past, List<Slot> slots) {}

    /** One week of the calendar, Monday first. */
    public record Week(List<Day> days) {}

    /** An active or upcoming window. */
    public record Line(
            String id,
            String title,
            String scope,
            String when,
            String reason,
            String declaredBy,
            String origin,
            boolean endable,
            String endHref) {}

    /** A service the form offers. */
    public record Choice(String name, boolean checked) {}

    /** The form for a one-off window, blank or with what was typed and each bad field's message. */
    public record Form(
            List<String> services,
            String title,
            String start,
            String duration,
            String reason,
            boolean emergency,
            Map<String, String> errors) {
        public List<Choice> choices(List<String> all) {
            return all.stream().map(s -> new Choice(s, services.contains(s))).toList();
        }
    }

    /** The page's model. */
    public record View(
            Page page,
            List<Week> weeks,
            List<Line> active,
            List<Line> upcoming,
            List<String> services,
            Form form,
            Optional<String> error) {}

    private static Form blank() {
        return new Form(List.of(), "", "", "1h", "", false, Map.of());
    }

    private void show(Context ctx, int status, Form form, Optional<String> error) {
        Instant now = backend.now();
        MaintenanceCalendar calendar = backend.windows().calendar();
        List<Line> active = calendar.active(now).stream()
                .map(o -> line(o.window(), o, now, "until " + Forms.utc(o.end())))
                .toList();
        Set<String> activeIds = new TreeSet<>(active.stream().map(Line::id).toList());
        List<Line> upcoming = calendar.windows().stream()
                .filter(w -> !activeIds.contains(w.id()))
                .flatMap(w -> new MaintenanceCalendar(List.of(w)).nextStart(now).stream())
                .sorted(Comparator.comparing(Occurrence::start))
                .map(o -> line(o.window(), o, now, Forms.utc(o.start()) + " – " + Forms.utc(o.end())))
                .toList();
        ctx.status(status);
        views.respond(
                ctx,
                "console/maintenance.jte",
                new View(
                        views.page(ctx, "Maintenance", "maintenance"),
                        weeks(calendar, now),
                        active,
                        upcoming,
                        List.copyOf(backend.config().services().keySet()),
                        form,
                        error));
    }

    private static List<Week> weeks(MaintenanceCalendar calendar, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Occurrence> occurrences = calendar.occurrences(from, from.plus(java.time.Duration.ofDays(7L * WEEKS)));
        List<Week> weeks = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            List<Day> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = first.plusDays(7L * w + d);
                Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant end = start.plus(java.time.Duration.ofDays(1));
                List<Slot> slots = occurrences.stream()
                        .filter(o -> o.start().isBefore(end) && o.end().isAfter(start))
                        .sorted(Comparator.comparing(Occurrence::start))
                        .map(o -> new Slot(
                                hm(o.start(), start) + "–" + hm(o.end(), start),
                                o.window().title(),
                                o.contains(now)))
                        .toList();
                days.add(new Day(date.toString(), DAY.format(date), date.equals(today), date.isBefore(today), slots));
            }
            weeks.add(new Week(days));
        }
        return weeks;
    }

    /** The time of day of {@code t}, or the date when it falls on another day than the one shown. */
    private static String hm(Instant t, Instant dayStart) {
        LocalDate day = LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
        var at = t.atZone(ZoneOffset.UTC);
        return at.toLocalDate().equals(day) ? HM.format(at) : DAY.format(at) + " " + HM.format(at);
    }

    private static Line line(MaintenanceWindow w, Occurrence o, Instant now, String when) {
        return new Line(
                w.id(),
                w.title(),
                scope(w.scope()),
                when,
                w.reason(),
                w.declaredBy(),
                w.readOnly() ? "stack file" : "API",
                !w.readOnly(),
                "/ui/maintenance/" + Paths.segment(w.id()) + "/end");
    }

    private static String scope(Scope s) {
        List<String> parts = new ArrayList<>();
        if (s.services().contains(Scope.EVERY_SERVICE)) {
            parts.add("every service");
        } else if (!s.services().isEmpty()) {
            parts.add(String.join(", ", new TreeSet<>(s.services())));
        }
        if (!s.matchers().isEmpty()) {
            parts.add(s.matchers().toString());
        }
        if (s.propagateToDependants()) {
            parts.add("and their dependants");
        }
        return String.join(" ", parts);
    }

    private void create(Context ctx) {
        Form form = new Form(
                ctx.formParams("services"),
                Forms.field(ctx, "title"),
                Forms.field(ctx, "start"),
                Forms.field(ctx, "duration"),
                Forms.field(ctx, "reason"),
                "on".equals(Forms.field(ctx, "emergency")),
                Map.of());
        Map<String, String> errors = new LinkedHashMap<>();
        WindowRequest.Result read = WindowRequest.read(
                body(form, Forms.actor(ctx), errors),
                backend.now(),
                text -> new Parsed.Failed<>("the console creates one-off windows only"));
        read.errors().forEach(e -> put(errors, e.field(), e.value(), e.expected()));
        if (errors.isEmpty()) {
            switch (backend.windows().create(read.window().orElseThrow())) {
                case MaintenanceBackend.Created.Accepted a -> {
                    ctx.redirect("/ui/maintenance", HttpStatus.SEE_OTHER);
                    return;
                }
                case MaintenanceBackend.Created.Invalid i ->
                    i.errors().forEach(e -> put(errors, e.field(), e.value(), e.expected()));
            }
        }
        show(ctx, 400, withErrors(form, errors), Optional.of("The window was not created: correct the fields marked."));
    }

    /**
     * The form as the body of {@code POST /api/v1/maintenance}, for the API's own reader; what the form alone can tell
     * is wrong (no service, no title, an unreadable start) goes to {@code errors}.
     */
    private static ObjectNode body(Form form, String actor, Map<String, String> errors) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", form.title());
        ArrayNode services = body.putArray("services");
        form.services().forEach(services::add);
        if (form.services().isEmpty()) {
            errors.put("services", "choose at least one service");
        }
        if (form.title().isEmpty()) {
            errors.put("title", "a short text such as \"db upgrade\"");
        }
        if (!form.start().isEmpty()) {
            Optional<Instant> start = Forms.time(form.start());
            if (start.isEmpty()) {
                errors.put("start", "a time such as 2026-11-29T02:00 (UTC), or empty for now");
            }
            start.ifPresent(s -> body.put("start", s.toString()));
        }
        body.put("duration", form.duration());
        body.put("reason", form.reason());
        body.put("declared_by", actor);
        body.put("emergency", form.emergency());
        return body;
    }

    private static Form withErrors(Form f, Map<String, String> errors) {
        return new Form(f.services(), f.title(), f.start(), f.duration(), f.reason(), f.emergency(), errors);
    }

    /** A validation error on the form field it is about; errors on fields the form does not show go to reason. */
    private static void put(Map<String, String> errors, String field, String value, String expected) {
        String name = field.startsWith("services") ? "services" : field.equals("end") ? "duration" : field;
        if (!FORM_FIELDS.contains(name)) {
            name = "reason";
        }
        String message = (value == null || value.isEmpty() ? "" : "got " + value + ", ") + "expected " + expected;
        errors.merge(name, message, (a, b) -> a + "; " + b);
    }

    private void end(Context ctx) {
        String id = ctx.pathParam("id");
        switch (backend.windows().end(id)) {
            case MaintenanceBackend.Ended.Done d -> ctx.redirect("/ui/maintenance", HttpStatus.SEE_OTHER);
            case MaintenanceBackend.Ended.NotFound n -> throw ApiException.notFound("no maintenance window " + id);
            case MaintenanceBackend.Ended.ReadOnly r ->
                show(
                        ctx,
                        409,
                        blank(),
                        Optional.of("maintenance window " + id
                                + " is declared in the stack file: change the file and reload to end it"));
            case MaintenanceBackend.Ended.AlreadyOver o ->
                show(ctx, 409, blank(), Optional.of("maintenance window " + id + " is already over"));
        }
    }
}
