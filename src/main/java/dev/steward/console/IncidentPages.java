package dev.steward.console;

import dev.steward.api.IncidentApi;
import dev.steward.api.IncidentApi.Command;
import dev.steward.core.incident.CommandOutcome;
import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentCommand;
import dev.steward.core.incident.IncidentState;
import dev.steward.core.oncall.Target;
import dev.steward.core.promql.parse.Durations;
import dev.steward.core.route.Alert;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The incident list and an incident's page, with its commands (acknowledge, resolve, snooze, add a note) sent through
 * the same audited backend as {@code /api/v1/incidents}. htmx posts get the incident's section back; a refused command
 * answers 409 with the core's reason in that section, a bad form 400 with each bad field's message.
 */
public final class IncidentPages {
    static final List<String> STATES =
            List.of("open", "all", "held", "triggered", "acknowledged", "snoozed", "resolved");
    static final List<String> SNOOZES = List.of("30m", "1h", "2h", "4h", "8h", "24h", "resolved");
    private static final int LIMIT = 200;
    private final ConsoleBackend backend;
    private final Views views;

    IncidentPages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/incidents", this::list);
        cfg.routes.get("/ui/incidents/{id}", ctx -> show(ctx, detail(ctx, found(ctx), Optional.empty(), Map.of(), "")));
        cfg.routes.post("/ui/incidents/{id}/ack", ctx -> act(ctx, new Command.Acknowledge(Forms.actor(ctx))));
        cfg.routes.post("/ui/incidents/{id}/resolve", ctx -> act(ctx, new Command.Resolve(Forms.actor(ctx))));
        cfg.routes.post("/ui/incidents/{id}/snooze", this::snooze);
        cfg.routes.post("/ui/incidents/{id}/note", this::note);
    }

    /** One incident in the list. */
    public record Row(
            String href,
            String title,
            String state,
            String severity,
            String service,
            String assignee,
            String opened,
            String openedAgo,
            long firing) {}

    /** The list page's model. */
    public record ListView(
            Page page, String state, List<String> states, String service, List<String> services, List<Row> rows) {}

    /** One alert of an incident. */
    public record AlertLine(String state, Map<String, String> labels, String summary, String since) {}

    /** One timeline entry or note. */
    public record Entry(String at, String ago, String actor, String what) {}

    /**
     * The incident's section, re-rendered after each command; {@code canAck} and the like say which commands the
     * incident's state allows (the buttons shown).
     *
     * @param error the core's reason when it refused the last command
     * @param fieldErrors bad form fields by name ({@code text}, {@code for}, {@code until})
     */
    public record Detail(
            Page page,
            String id,
            String base,
            String title,
            String state,
            String stateDetail,
            String severity,
            String service,
            String receiver,
            String assignee,
            String opened,
            List<AlertLine> alerts,
            List<Entry> timeline,
            List<Entry> notes,
            boolean canAck,
            boolean canResolve,
            boolean canSnooze,
            boolean canNote,
            List<String> snoozes,
            Optional<String> error,
            Map<String, String> fieldErrors,
            String noteText) {}

    private void list(Context ctx) {
        String state = Optional.ofNullable(ctx.queryParam("state"))
                .filter(STATES::contains)
                .orElse("open");
        String service = Optional.ofNullable(ctx.queryParam("service")).orElse("");
        Instant now = backend.now();
        List<Row> rows =
                backend
                        .incidents()
                        .list(state, service.isEmpty() ? Optional.empty() : Optional.of(service), LIMIT)
                        .stream()
                        .map(i -> row(i, now))
                        .toList();
        views.respond(
                ctx,
                "console/incidents.jte",
                new ListView(
                        views.page(ctx, "Incidents", "incidents"),
                        state,
                        STATES,
                        service,
                        List.copyOf(backend.config().services().keySet()),
                        rows));
    }

    private static Row row(Incident i, Instant now) {
        return new Row(
                "/ui/incidents/" + Paths.segment(i.id()),
                i.title(),
                i.stateName(),
                i.severity().name(),
                i.service(),
                i.assignee().map(IncidentPages::target).orElse(""),
                i.openedAt().toString(),
                Texts.ago(i.openedAt(), now),
                i.firing(now).size());
    }

    private Incident found(Context ctx) {
        String id = ctx.pathParam("id");
        return backend.incidents().get(id).orElseThrow(() -> Console.notFound("no incident " + id));
    }

    private void show(Context ctx, Detail d) {
        views.respond(ctx, "console/incident.jte", d);
    }

    private void act(Context ctx, Command command) {
        String id = ctx.pathParam("id");
        IncidentApi.Backend incidents = backend.incidents();
        CommandOutcome outcome =
                incidents.command(id, command).orElseThrow(() -> Console.notFound("no incident " + id));
        switch (outcome) {
            case CommandOutcome.Applied a -> done(ctx, a.incident());
            case CommandOutcome.Rejected r ->
                answer(ctx, 409, detail(ctx, found(ctx), Optional.of(r.reason()), Map.of(), ""));
        }
    }

    /** After a change: htmx gets the new section, a plain form is sent back to the incident's page. */
    private void done(Context ctx, Incident incident) {
        if (Forms.htmx(ctx)) {
            answer(ctx, 200, detail(ctx, incident, Optional.empty(), Map.of(), ""));
        } else {
            ctx.redirect("/ui/incidents/" + Paths.segment(incident.id()), HttpStatus.SEE_OTHER);
        }
    }

    private void answer(Context ctx, int status, Detail d) {
        ctx.status(status);
        if (Forms.htmx(ctx)) {
            ctx.header("Cache-Control", "no-store");
            ctx.html(views.render("console/incidentdetail.jte", d));
        } else {
            show(ctx, d);
        }
    }

    private void snooze(Context ctx) {
        Incident incident = found(ctx);
        String forText = Forms.field(ctx, "for");
        String untilText = Forms.field(ctx, "until");
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Instant> until = Optional.empty();
        Instant now = backend.now();
        if (!untilText.isEmpty()) {
            until = Forms.time(untilText);
            if (until.isEmpty()) {
                errors.put("until", "a time such as 2026-11-24T14:30 (UTC)");
            } else if (!until.get().isAfter(now)) {
                errors.put("until", "a time in the future (now is " + Forms.utc(now) + ")");
            }
        } else if (forText.isEmpty()) {
            errors.put("for", "choose how long to snooze, or give a time in until");
        } else if (!forText.equals("resolved")) {
            try {
                until = Optional.of(now.plus(Duration.ofMillis(Durations.parseMillis(forText))));
            } catch (RuntimeException e) {
                errors.put("for", "a duration such as 30m or 2h, or \"resolved\"");
            }
        }
        if (!errors.isEmpty()) {
            answer(ctx, 400, detail(ctx, incident, Optional.empty(), errors, ""));
            return;
        }
        act(ctx, new Command.Snooze(Forms.actor(ctx), until));
    }

    private void note(Context ctx) {
        Incident incident = found(ctx);
        String text = Forms.field(ctx, "text");
        if (text.isEmpty()) {
            answer(ctx, 400, detail(ctx, incident, Optional.empty(), Map.of("text", "write the note's text"), ""));
            return;
        }
        act(ctx, new Command.AddNote(Forms.actor(ctx), text));
    }

    private Detail detail(
            Context ctx, Incident i, Optional<String> error, Map<String, String> fieldErrors, String noteText) {
        Instant now = backend.now();
        // the buttons offered are the commands the core's table allows in this state
        Set<IncidentCommand> legal = IncidentCommand.legalIn(i.state());
        return new Detail(
                views.page(ctx, i.title(), "incidents"),
                i.id(),
                "/ui/incidents/" + Paths.segment(i.id()),
                i.title(),
                i.stateName(),
                stateDetail(i.state(), now),
                i.severity().name(),
                i.service(),
                i.receiver(),
                i.assignee().map(IncidentPages::target).orElse(""),
                Forms.utc(i.openedAt()) + " (" + Texts.ago(i.openedAt(), now) + ")",
                i.alerts().stream().map(a -> alert(a, now)).toList(),
                i.timeline().stream()
                        .map(e -> new Entry(e.at().toString(), Texts.ago(e.at(), now), e.actor(), e.what()))
                        .toList(),
                i.notes().stream()
                        .map(n -> new Entry(n.at().toString(), Texts.ago(n.at(), now), n.by(), n.text()))
                        .toList(),
                legal.contains(IncidentCommand.ACKNOWLEDGE),
                legal.contains(IncidentCommand.RESOLVE),
                legal.contains(IncidentCommand.SNOOZE),
                legal.contains(IncidentCommand.NOTE),
                SNOOZES,
                error,
                fieldErrors,
                noteText);
    }

    private static AlertLine alert(Alert a, Instant now) {
        boolean firing = !a.resolved(now);
        String summary = Optional.ofNullable(a.annotations().get("summary"))
                .or(() -> Optional.ofNullable(a.annotations().get("description")))
                .orElse("");
        String since = firing
                ? "since " + Texts.ago(a.startsAt(), now)
                : "resolved " + a.endsAt().map(e -> Texts.ago(e, now)).orElse("");
        return new AlertLine(firing ? "firing" : "resolved", a.labels().toMap(), summary, since);
    }

    static String stateDetail(IncidentState s, Instant now) {
        return switch (s) {
            case IncidentState.Held h -> "held: " + h.cause().describe();
            case IncidentState.Triggered t ->
                "escalation level " + t.escalation().level()
                        + t.escalation()
                                .nextAt()
                                .map(n -> ", next level " + Forms.utc(n))
                                .orElse("");
            case IncidentState.Acknowledged a ->
                "by " + a.by() + " " + Texts.ago(a.at(), now) + ", pages again at " + Forms.utc(a.ackTimeoutAt())
                        + " if not resolved";
            case IncidentState.Snoozed z ->
                "by " + z.by() + " until " + z.until().map(Forms::utc).orElse("its alerts resolve");
            case IncidentState.Resolved r -> "by " + r.by() + " " + Texts.ago(r.at(), now);
        };
    }

    private static String target(Target t) {
        return switch (t) {
            case Target.Person p -> "person " + p.name();
            case Target.Schedule s -> "schedule " + s.name();
            case Target.Receiver r -> "receiver " + r.name();
        };
    }
}
