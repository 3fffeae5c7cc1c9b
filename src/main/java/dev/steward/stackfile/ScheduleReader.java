package dev.steward.stackfile;

import dev.steward.core.maintenance.CronRule;
import dev.steward.core.maintenance.CronSyntax;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.route.Parsed;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the schedule of one entry of {@code maintenance:}: {@code start} with {@code end} or {@code duration}
 * (one-off), or {@code weekly} or {@code cron} with {@code duration} and an optional {@code zone} (default UTC).
 */
final class ScheduleReader {
    static final List<String> WEEKLY_KEYS = List.of("days", "at");
    static final String SCHEDULES = "exactly one of start (one-off), weekly or cron";
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String TIME_EXPECTED = "a local time HH:MM such as \"02:00\"";
    private static final String DAYS_EXPECTED = "days of the week: mon, tue, wed, thu, fri, sat, sun";
    private static final String START_EXPECTED = "an RFC 3339 time with an offset such as 2026-12-01T02:00:00Z";

    private final NodeReader r;
    private final CronSyntax cron;

    ScheduleReader(NodeReader reader, CronSyntax cron) {
        this.r = reader;
        this.cron = cron;
    }

    Optional<Schedule> read(Fields f) {
        List<String> kinds = f.mapping().entries().stream()
                .map(e -> e.key().value())
                .filter(k -> k.equals("start") || k.equals("weekly") || k.equals("cron"))
                .toList(); // in file order, so that the error points at the second one written
        if (kinds.size() != 1) {
            r.diagnostics.add(
                    kinds.isEmpty() ? f.mapping() : f.keyNode(kinds.get(1)).orElseThrow(),
                    kinds.isEmpty() ? f.path("start") : f.path(kinds.get(1)),
                    kinds.isEmpty() ? "missing schedule" : "more than one schedule:",
                    kinds.isEmpty() ? null : String.join(", ", kinds),
                    SCHEDULES);
            return Optional.empty();
        }
        return switch (kinds.getFirst()) {
            case "start" -> oneOff(f);
            case "weekly" -> {
                Optional<Weekly> w = weekly(f.get("weekly").orElseThrow(), f.path("weekly"));
                Optional<Duration> d = recurringDuration(f);
                Optional<ZoneId> z = zone(f);
                yield w.isPresent() && d.isPresent() && z.isPresent()
                        ? Optional.of(
                                new Schedule.Weekly(w.get().days(), w.get().at(), d.get(), z.get()))
                        : Optional.empty();
            }
            default -> {
                Optional<CronRule> rule = cronRule(f.get("cron").orElseThrow(), f.path("cron"));
                Optional<Duration> d = recurringDuration(f);
                Optional<ZoneId> z = zone(f);
                yield rule.isPresent() && d.isPresent() && z.isPresent()
                        ? Optional.of(new Schedule.Cron(rule.get(), d.get(), z.get()))
                        : Optional.empty();
            }
        };
    }

    private Optional<Schedule> oneOff(Fields f) {
        Optional<Instant> start = instant(f.get("start").orElseThrow(), f.path("start"));
        f.keyNode("zone")
                .ifPresent(k -> r.diagnostics.add(
                        k,
                        f.path("zone"),
                        "zone with a one-off window",
                        null,
                        "zone only with weekly or cron (start and end" + " carry their own offset)"));
        if (f.has("end") == f.has("duration")) {
            r.diagnostics.add(
                    f.keyNode("start").orElseThrow(),
                    f.path(f.has("end") ? "duration" : "end"),
                    f.has("end") ? "both end and duration" : "missing end",
                    null,
                    "exactly one of end and duration with start");
            return Optional.empty();
        }
        Optional<Instant> end = f.has("end")
                ? instant(f.get("end").orElseThrow(), f.path("end"))
                : f.get("duration")
                        .flatMap(n -> r.duration(n, f.path("duration")))
                        .flatMap(d -> start.map(s -> s.plus(d)));
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        if (!end.get().isAfter(start.get())) {
            r.diagnostics.add(
                    f.get("end").orElseThrow(),
                    f.path("end"),
                    "end not after start:",
                    end.get() + " <= " + start.get(),
                    "an end after start");
            return Optional.empty();
        }
        return Optional.of(new Schedule.OneOff(start.get(), end.get()));
    }

    private Optional<Duration> recurringDuration(Fields f) {
        f.keyNode("end")
                .ifPresent(k -> r.diagnostics.add(
                        k, f.path("end"), "end with a recurring window", null, "duration with weekly or cron"));
        return r.require(f, "duration", "the duration of each occurrence such as 2h")
                .flatMap(n -> r.duration(n, f.path("duration")));
    }

    private Optional<ZoneId> zone(Fields f) {
        if (!f.has("zone")) {
            return Optional.of(ZoneOffset.UTC);
        }
        Optional<Scalar> s = r.scalar(f.get("zone").orElseThrow(), f.path("zone"), "a time zone");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(s.get().value()));
        } catch (DateTimeException e) {
            r.diagnostics.add(
                    s.get(),
                    f.path("zone"),
                    "unknown time zone",
                    Quote.of(s.get().value()),
                    "an IANA time zone such as Europe/Berlin or UTC");
            return Optional.empty();
        }
    }

    private Optional<Instant> instant(YamlNode node, String path) {
        Optional<Scalar> s = r.scalar(node, path, START_EXPECTED);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.get().value()).toInstant());
        } catch (DateTimeParseException e) {
            r.diagnostics.add(node, path, "invalid time", Quote.of(s.get().value()), START_EXPECTED);
            return Optional.empty();
        }
    }

    private Optional<CronRule> cronRule(YamlNode node, String path) {
        Optional<Scalar> s = r.scalar(node, path, CronSyntax.EXPECTED);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return switch (cron.parse(s.get().value())) {
            case Parsed.Ok<CronRule>(CronRule rule) -> Optional.of(rule);
            case Parsed.Failed<CronRule>(String reason) -> {
                r.diagnostics.add(
                        node,
                        path,
                        "invalid cron expression: " + reason,
                        Quote.of(s.get().value()),
                        CronSyntax.EXPECTED);
                yield Optional.empty();
            }
        };
    }

    private record Weekly(Set<DayOfWeek> days, LocalTime at) {}

    private Optional<Weekly> weekly(YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with days and at", WEEKLY_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        Set<DayOfWeek> days = r.require(f, "days", DAYS_EXPECTED)
                .map(n -> days(n, f.path("days")))
                .orElse(Set.of());
        Optional<LocalTime> at = r.require(f, "at", TIME_EXPECTED)
                .flatMap(n -> r.scalar(n, f.path("at"), TIME_EXPECTED))
                .flatMap(s -> {
                    if (TIME.matcher(s.value()).matches()) {
                        return Optional.of(LocalTime.parse(s.value()));
                    }
                    r.diagnostics.add(s, f.path("at"), "invalid time", Quote.of(s.value()), TIME_EXPECTED);
                    return Optional.empty();
                });
        if (r.diagnostics.count() != errorsBefore || at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Weekly(days, at.get()));
    }

    private Set<DayOfWeek> days(YamlNode node, String path) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<Scalar> items = r.scalars(node, path, DAYS_EXPECTED);
        for (int i = 0; i < items.size(); i++) {
            Optional<DayOfWeek> day = day(items.get(i).value());
            if (day.isEmpty()) {
                r.diagnostics.add(
                        items.get(i),
                        KeyPath.index(path, i),
                        "invalid day",
                        Quote.of(items.get(i).value()),
                        DAYS_EXPECTED);
            }
            day.ifPresent(days::add);
        }
        if (items.isEmpty() && node instanceof YamlNode.Sequence) {
            r.diagnostics.add(node, path, "no days", null, "at least one day of the week");
        }
        return days;
    }

    private static Optional<DayOfWeek> day(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (t.equals(full) || t.equals(full.substring(0, 3))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
