package dev.steward.api;

import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.maintenance.CronRule;
import dev.steward.core.maintenance.CronSyntax;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.maintenance.Scope;
import dev.steward.core.route.Matcher;
import dev.steward.core.route.Matchers;
import dev.steward.core.route.Parsed;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /api/v1/maintenance} into a candidate window, collecting every malformed field; what
 * is well-formed but not allowed (notice period, maximum duration, unknown services) is judged afterwards by
 * {@link dev.steward.core.maintenance.WindowValidator}.
 */
public final class WindowRequest {
    static final List<String> FIELDS = List.of(
            "title",
            "services",
            "match",
            "propagate_to_dependants",
            "start",
            "end",
            "duration",
            "cron",
            "weekly",
            "zone",
            "freeze_deployments",
            "emergency",
            "declared_by",
            "reason");

    private final JsonNode body;
    private final Instant now;
    private final CronSyntax cron;
    private final List<ApiException.FieldError> errors = new ArrayList<>();

    private WindowRequest(JsonNode body, Instant now, CronSyntax cron) {
        this.body = body;
        this.now = now;
        this.cron = cron;
    }

    /** The candidate window (id and creation time to be set by the backend), or every malformed field. */
    public static Result read(JsonNode body, Instant now, CronSyntax cron) {
        if (body == null || !body.isObject()) {
            return new Result(
                    Optional.empty(), List.of(new ApiException.FieldError("", String.valueOf(body), "a JSON object")));
        }
        return new WindowRequest(body, now, cron).read();
    }

    public record Result(Optional<MaintenanceWindow> window, List<ApiException.FieldError> errors) {}

    private Result read() {
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(new ApiException.FieldError(
                        name, body.get(name).toString(), "one of " + String.join(", ", FIELDS)));
            }
        }
        String title = text("title").orElse("");
        Scope scope = new Scope(services(), matchers(), bool("propagate_to_dependants"));
        if (body.has("cron") && body.has("weekly")) {
            errors.add(
                    new ApiException.FieldError("weekly", body.get("weekly").toString(), "cron or weekly, not both"));
        }
        Optional<Schedule> schedule = body.has("cron") || body.has("weekly") ? recurring() : oneOff();
        boolean freeze = bool("freeze_deployments");
        boolean emergency = bool("emergency");
        String declaredBy = text("declared_by").orElse("");
        String reason = text("reason").orElse("");
        MaintenanceWindow w = schedule.map(s -> new MaintenanceWindow(
                        "",
                        title,
                        s,
                        scope,
                        freeze,
                        emergency,
                        declaredBy,
                        reason,
                        MaintenanceWindow.Origin.API,
                        now,
                        Optional.empty()))
                .orElse(null);
        return errors.isEmpty() ? new Result(Optional.ofNullable(w), List.of()) : new Result(Optional.empty(), errors);
    }

    private Optional<Schedule> oneOff() {
        if (body.has("zone")) {
            errors.add(new ApiException.FieldError(
                    "zone", body.get("zone").toString(), "zone only with cron or weekly (start carries its offset)"));
        }
        Optional<Instant> start = start();
        Optional<Instant> end;
        if (body.has("end") == body.has("duration")) {
            errors.add(new ApiException.FieldError(
                    body.has("end") ? "duration" : "end", "", "exactly one of end and duration"));
            return Optional.empty();
        } else if (body.has("end")) {
            end = time("end");
        } else {
            end = duration().flatMap(d -> start.map(s -> s.plus(d)));
        }
        return start.isPresent() && end.isPresent()
                ? Optional.of(new Schedule.OneOff(start.get(), end.get()))
                : Optional.empty();
    }

    private Optional<Schedule> recurring() {
        for (String f : List.of("start", "end")) {
            if (body.has(f)) {
                errors.add(new ApiException.FieldError(
                        f, body.get(f).toString(), "no " + f + " with cron or weekly (use duration)"));
            }
        }
        if (!body.has("duration")) {
            errors.add(new ApiException.FieldError("duration", "", "the duration of each occurrence such as 2h"));
        }
        Optional<Duration> duration = body.has("duration") ? duration() : Optional.empty();
        Optional<ZoneId> zone = zone();
        if (body.has("weekly")) {
            Optional<WeeklyRequest> weekly = WeeklyRequest.read(body.get("weekly"), errors);
            return weekly.isPresent() && duration.isPresent() && zone.isPresent()
                    ? Optional.of(new Schedule.Weekly(
                            weekly.get().days(), weekly.get().at(), duration.get(), zone.get()))
                    : Optional.empty();
        }
        Optional<CronRule> rule = text("cron").flatMap(this::cronRule);
        return rule.isPresent() && duration.isPresent() && zone.isPresent()
                ? Optional.of(new Schedule.Cron(rule.get(), duration.get(), zone.get()))
                : Optional.empty();
    }

    private Optional<CronRule> cronRule(String text) {
        return switch (cron.parse(text)) {
            case Parsed.Ok<CronRule>(CronRule r) -> Optional.of(r);
            case Parsed.Failed<CronRule>(String reason) -> {
                errors.add(new ApiException.FieldError("cron", text, CronSyntax.EXPECTED + " (" + reason + ")"));
                yield Optional.empty();
            }
        };
    }

    private Optional<ZoneId> zone() {
        if (!body.has("zone")) {
            return Optional.of(ZoneOffset.UTC);
        }
        return text("zone").flatMap(z -> {
            try {
                return Optional.of(ZoneId.of(z));
            } catch (DateTimeException e) {
                errors.add(new ApiException.FieldError("zone", z, "an IANA time zone such as Europe/Berlin or UTC"));
                return Optional.empty();
            }
        });
    }

    private Optional<Instant> start() {
        if (!body.has("start") || "now".equals(body.get("start").asString(""))) {
            return Optional.of(now);
        }
        return time("start");
    }

    private Optional<Instant> time(String field) {
        Optional<String> text = text(field);
        try {
            return text.flatMap(TimeParams::parse);
        } catch (IllegalArgumentException e) {
            errors.add(new ApiException.FieldError(field, text.orElse(""), TimeParams.EXPECTED + " or \"now\""));
            return Optional.empty();
        }
    }

    private Optional<Duration> duration() {
        Optional<String> text = text("duration");
        Optional<Duration> d = text.flatMap(DurationLiteral::parse);
        if (text.isPresent() && d.isEmpty()) {
            errors.add(new ApiException.FieldError("duration", text.get(), DurationLiteral.EXAMPLES));
        }
        return d;
    }

    private Set<String> services() {
        Set<String> out = new LinkedHashSet<>();
        List<String> items = strings("services");
        out.addAll(items);
        return out;
    }

    private Matchers matchers() {
        List<Matcher> out = new ArrayList<>();
        List<String> items = strings("match");
        for (int i = 0; i < items.size(); i++) {
            switch (Matchers.parse(items.get(i))) {
                case Parsed.Ok<List<Matcher>>(List<Matcher> m) -> out.addAll(m);
                case Parsed.Failed<List<Matcher>>(String reason) ->
                    errors.add(new ApiException.FieldError(
                            "match[" + i + "]", items.get(i), "a label matcher such as team=\"db\" (" + reason + ")"));
            }
        }
        return new Matchers(out);
    }

    private List<String> strings(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            errors.add(new ApiException.FieldError(field, n.toString(), "a list of strings"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (n.get(i).isString()) {
                out.add(n.get(i).asString());
            } else {
                errors.add(new ApiException.FieldError(
                        field + "[" + i + "]", n.get(i).toString(), "a string"));
            }
        }
        return out;
    }

    private Optional<String> text(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isString()) {
            errors.add(new ApiException.FieldError(field, n.toString(), "a string"));
            return Optional.empty();
        }
        return Optional.of(n.asString());
    }

    private boolean bool(String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            errors.add(new ApiException.FieldError(field, n.toString(), "true or false"));
            return false;
        }
        return n.asBoolean();
    }
}
