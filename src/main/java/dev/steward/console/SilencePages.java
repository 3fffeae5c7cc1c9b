package dev.steward.console;

import dev.steward.amapi.FilterMatchers;
import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.series.Labels;
import dev.steward.core.silence.ExpireOutcome;
import dev.steward.core.silence.SetOutcome;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceError;
import dev.steward.core.silence.SilenceMatcher;
import dev.steward.core.silence.SilenceRequest;
import dev.steward.core.silence.SilenceState;
import dev.steward.core.silence.Silences;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Silences: the active, pending and expired ones, a form to create one (matchers, duration or end, comment; the
 * creator is who is logged in) and expiring one, all through the registry behind {@code /api/v2/silences}, which
 * validates, stores and audits every change.
 */
public final class SilencePages {
    static final Map<String, Duration> DURATIONS = durations();
    private final ConsoleBackend backend;
    private final Views views;

    SilencePages(ConsoleBackend backend, Views views) {
        this.backend = backend;
        this.views = views;
    }

    private static Map<String, Duration> durations() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("1h", Duration.ofHours(1));
        m.put("2h", Duration.ofHours(2));
        m.put("4h", Duration.ofHours(4));
        m.put("8h", Duration.ofHours(8));
        m.put("24h", Duration.ofHours(24));
        m.put("3d", Duration.ofDays(3));
        m.put("7d", Duration.ofDays(7));
        return m;
    }

    void mount(JavalinConfig cfg) {
        cfg.routes.get("/ui/silences", this::list);
        cfg.routes.get("/ui/silences/new", this::form);
        cfg.routes.post("/ui/silences", this::create);
        cfg.routes.post("/ui/silences/{id}/expire", this::expire);
    }

    /** One silence; {@code matching} counts the alerts held now that its matchers match. */
    public record Row(
            String id,
            String state,
            List<String> matchers,
            String starts,
            String ends,
            String createdBy,
            String comment,
            long matching,
            String expireHref) {}

    /** Silences in one state. */
    public record Group(String state, String title, List<Row> rows) {}

    /** The list page's model: active, pending and expired silences. */
    public record ListView(Page page, List<Group> groups) {}

    /** The new-silence form, blank, prefilled or with the bad fields' messages ({@code matchers}, {@code end}, ...). */
    public record Form(
            Page page,
            String matchers,
            String duration,
            List<String> durations,
            String end,
            String comment,
            Map<String, String> errors) {}

    private void list(Context ctx) {
        Instant now = backend.now();
        List<Row> active = new ArrayList<>();
        List<Row> pending = new ArrayList<>();
        List<Row> expired = new ArrayList<>();
        Silences current = backend.silences().current();
        List<Labels> alerts = backend.alerts().alerts().stream()
                .filter(h -> !h.alert().endsAt().isBefore(now))
                .map(h -> h.alert().labels())
                .toList();
        for (Silence s : current.listing(now)) {
            SilenceState state = s.state(now);
            Row row = new Row(
                    s.id(),
                    state.apiName(),
                    s.matchers().stream().map(SilenceMatcher::toString).toList(),
                    Forms.utc(s.startsAt()),
                    Forms.utc(s.endsAt()) + " (" + relative(s.endsAt(), now) + ")",
                    s.createdBy(),
                    s.comment(),
                    alerts.stream().filter(l -> current.matches(s.id(), l)).count(),
                    "/ui/silences/" + Paths.segment(s.id()) + "/expire");
            switch (state) {
                case ACTIVE -> active.add(row);
                case PENDING -> pending.add(row);
                case EXPIRED -> expired.add(row);
            }
        }
        views.respond(
                ctx,
                "console/silences.jte",
                new ListView(
                        views.page(ctx, "Silences", "silences"),
                        List.of(
                                new Group("active", "Active", active),
                                new Group("pending", "Pending", pending),
                                new Group("expired", "Expired", expired))));
    }

    private static String relative(Instant t, Instant now) {
        if (t.isAfter(now)) {
            Duration left = Duration.between(now, t);
            return left.toMinutes() == 0
                    ? "in under a minute"
                    : "in " + DurationLiteral.format(Duration.ofMinutes(left.toMinutes()));
        }
        return Texts.ago(t, now);
    }

    private void form(Context ctx) {
        String matchers = Optional.ofNullable(ctx.queryParam("matchers")).orElse("");
        views.respond(ctx, "console/silence.jte", blank(ctx, matchers));
    }

    private Form blank(Context ctx, String matchers) {
        return new Form(
                views.page(ctx, "New silence", "silences"),
                matchers,
                "2h",
                List.copyOf(DURATIONS.keySet()),
                "",
                "",
                Map.of());
    }

    private void create(Context ctx) {
        String matcherText = Forms.field(ctx, "matchers");
        String duration = Forms.field(ctx, "duration");
        String endText = Forms.field(ctx, "end");
        String comment = Forms.field(ctx, "comment");
        Map<String, String> errors = new LinkedHashMap<>();
        List<SilenceMatcher> matchers = matchers(matcherText, errors);
        Instant end = end(duration, endText, errors);
        if (comment.isEmpty()) {
            errors.put("comment", "say why the alerts are silenced");
        }
        if (errors.isEmpty()) {
            SetOutcome out =
                    backend.silences().set(new SilenceRequest(null, matchers, null, end, Forms.actor(ctx), comment));
            if (out instanceof SetOutcome.Created || out instanceof SetOutcome.Updated) {
                ctx.redirect("/ui/silences", HttpStatus.SEE_OTHER);
                return;
            }
            if (out instanceof SetOutcome.Invalid i) {
                i.errors().forEach(e -> errors.merge(field(e, endText), e.message(), (a, b) -> a + "; " + b));
            }
        }
        ctx.status(400);
        views.respond(
                ctx,
                "console/silence.jte",
                new Form(
                        views.page(ctx, "New silence", "silences"),
                        matcherText,
                        duration,
                        List.copyOf(DURATIONS.keySet()),
                        endText,
                        comment,
                        errors));
    }

    /** When the silence ends: the end time typed, or now plus the duration chosen. */
    private Instant end(String duration, String endText, Map<String, String> errors) {
        if (!endText.isEmpty()) {
            Optional<Instant> end = Forms.time(endText);
            if (end.isEmpty()) {
                errors.put("end", "a time such as 2026-11-24T18:00 (UTC)");
            }
            return end.orElse(null);
        }
        if (DURATIONS.containsKey(duration)) {
            return backend.now().plus(DURATIONS.get(duration));
        }
        errors.put("duration", "one of " + String.join(", ", DURATIONS.keySet()) + ", or an end time");
        return null;
    }

    /** One matcher per line ({@code alertname="DiskFull"}, {@code env!=dev}, {@code job=~"api|db"}). */
    private static List<SilenceMatcher> matchers(String text, Map<String, String> errors) {
        List<SilenceMatcher> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            FilterMatchers.Parsed p = FilterMatchers.parse(List.of(line.strip()));
            if (p.error() != null) {
                bad.add(line.strip());
            } else {
                out.addAll(p.matchers());
            }
        }
        if (!bad.isEmpty()) {
            errors.put(
                    "matchers",
                    "not a matcher: " + String.join(", ", bad)
                            + " (expected one per line such as alertname=\"DiskFull\")");
        } else if (out.isEmpty()) {
            errors.put("matchers", "at least one matcher such as alertname=\"DiskFull\"");
        }
        return out;
    }

    /** The form field a validation error is about. */
    private static String field(SilenceError e, String endText) {
        if (e.field().startsWith("matchers")) {
            return "matchers";
        }
        if (e.field().equals("endsAt")) {
            return endText.isEmpty() ? "duration" : "end";
        }
        return e.field().equals("comment") ? "comment" : "matchers";
    }

    private void expire(Context ctx) {
        String id = ctx.pathParam("id");
        switch (backend.silences().expire(id)) {
            case ExpireOutcome.Expired e -> ctx.redirect("/ui/silences", HttpStatus.SEE_OTHER);
            case ExpireOutcome.NotFound n -> throw Console.notFound("no silence " + id);
        }
    }
}
