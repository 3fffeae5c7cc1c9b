package dev.steward.stackfile;

import dev.steward.core.expect.DurationLiteral;
import dev.steward.core.oncall.Layer;
import dev.steward.core.oncall.Restriction;
import dev.steward.core.oncall.Rotation;
import dev.steward.core.oncall.Schedule;
import dev.steward.core.oncall.ScheduleOverride;
import dev.steward.core.oncall.WallTime;
import dev.steward.stackfile.YamlNode.Scalar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one on-call schedule (an entry of {@code schedules}): its time zone, layers (rotations with restrictions) and overrides. */
final class OnCallScheduleReader {
    static final List<String> KEYS = List.of("time_zone", "layers", "overrides");
    static final List<String> LAYER_KEYS = List.of(
            "name", "members", "rotation", "every", "handoff", "handoff_day", "start", "time_zone", "restrictions");
    static final List<String> RESTRICTION_KEYS = List.of("days", "from", "to");
    static final List<String> OVERRIDE_KEYS = List.of("person", "from", "to");
    static final LocalTime DEFAULT_HANDOFF = LocalTime.of(9, 0);
    static final String ZONE_EXPECTED = "an IANA time zone such as Europe/Berlin, America/New_York or UTC";
    static final String TIME_EXPECTED = "a time of day as HH:MM such as 09:00";
    static final String DAY_EXPECTED = "a weekday such as monday or mon";
    static final String INSTANT_EXPECTED = "a date-time such as 2026-12-24T18:00 (in the schedule's time zone),"
            + " 2026-12-24T18:00+01:00 or 2026-12-24T17:00:00Z";
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9]");

    private final NodeReader r;
    private final OnCallReferences refs;

    OnCallScheduleReader(NodeReader r, OnCallReferences refs) {
        this.r = r;
        this.refs = refs;
    }

    Optional<Schedule> read(String name, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with time_zone, layers and optional overrides", KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        Optional<ZoneId> zone = r.require(f, "time_zone", ZONE_EXPECTED).flatMap(n -> zone(n, f.path("time_zone")));
        ZoneId layerDefault = zone.orElse(ZoneOffset.UTC); // only to go on finding errors
        List<Layer> layers = r.require(f, "layers", "a list of layers (rotations)")
                .map(n -> layers(n, f.path("layers"), layerDefault))
                .orElse(List.of());
        List<ScheduleOverride> overrides = f.get("overrides")
                .map(n -> overrides(n, f.path("overrides"), layerDefault))
                .orElse(List.of());
        if (r.diagnostics.count() != errorsBefore || zone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Schedule(name, zone.get(), layers, overrides));
    }

    private List<Layer> layers(YamlNode node, String path, ZoneId zone) {
        List<Layer> out = new ArrayList<>();
        List<YamlNode> items =
                r.list(node, path, "a list of layers (rotations)").orElse(List.of());
        if (items.isEmpty() && node instanceof YamlNode.Sequence) {
            r.diagnostics.add(node, path, "no layers", null, "at least one layer");
        }
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            Optional<Layer> layer = layer(items.get(i), p, zone, "layer-" + (i + 1));
            if (layer.isPresent()) {
                String previous = firstPath.putIfAbsent(layer.get().name(), p);
                if (previous != null) {
                    r.diagnostics.add(
                            items.get(i),
                            KeyPath.key(p, "name"),
                            "duplicate layer name",
                            Quote.of(layer.get().name()),
                            "layer names unique within a schedule (first at " + previous + ")");
                }
                out.add(layer.get());
            }
        }
        return out;
    }

    private Optional<Layer> layer(YamlNode node, String path, ZoneId scheduleZone, String defaultName) {
        Optional<Fields> fields = r.fields(node, path, "a mapping with members, rotation, start and more", LAYER_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        int errorsBefore = r.diagnostics.count();
        String name = f.get("name")
                .flatMap(n -> r.name(n, f.path("name"), "layer name"))
                .orElse(defaultName);
        List<String> members = members(f);
        Optional<LocalDate> start =
                r.require(f, "start", "a date such as 2026-01-05").flatMap(n -> date(n, f.path("start")));
        Optional<Rotation> rotation = rotation(f, start);
        LocalTime handoff =
                f.get("handoff").flatMap(n -> time(n, f.path("handoff"))).orElse(DEFAULT_HANDOFF);
        ZoneId zone =
                f.get("time_zone").flatMap(n -> zone(n, f.path("time_zone"))).orElse(scheduleZone);
        List<Restriction> restrictions = f.get("restrictions")
                .map(n -> restrictions(n, f.path("restrictions")))
                .orElse(List.of());
        if (r.diagnostics.count() != errorsBefore || start.isEmpty() || rotation.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Layer(name, members, rotation.get(), handoff, zone, start.get(), restrictions));
    }

    private List<String> members(Fields f) {
        List<String> out = new ArrayList<>();
        Optional<YamlNode> node = r.require(f, "members", "a list of people, in rotation order");
        List<Scalar> items = node.map(n -> r.scalars(n, f.path("members"), "a list of people, in rotation order"))
                .orElse(List.of());
        if (node.isPresent() && items.isEmpty() && node.get() instanceof YamlNode.Sequence) {
            r.diagnostics.add(node.get(), f.path("members"), "no members", null, "at least one person");
        }
        for (int i = 0; i < items.size(); i++) {
            refs.refer(
                    OnCallReferences.PERSON, items.get(i).value(), items.get(i), KeyPath.index(f.path("members"), i));
            out.add(items.get(i).value());
        }
        return out;
    }

    private Optional<Rotation> rotation(Fields f, Optional<LocalDate> start) {
        Optional<Scalar> kind = r.require(f, "rotation", "daily, weekly or custom")
                .flatMap(n -> r.scalar(n, f.path("rotation"), "daily, weekly or custom"));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String k = kind.get().value();
        onlyWith(f, "every", k.equals("custom"), "only with rotation: custom");
        onlyWith(f, "handoff_day", k.equals("weekly"), "only with rotation: weekly");
        return switch (k) {
            case "daily" -> Optional.of(new Rotation.Daily());
            case "weekly" -> {
                Optional<DayOfWeek> day = f.get("handoff_day").flatMap(n -> day(n, f.path("handoff_day")));
                yield day.or(() -> start.map(LocalDate::getDayOfWeek)).map(Rotation.Weekly::new);
            }
            case "custom" ->
                r.require(f, "every", "a turn length of at least 1h such as 12h")
                        .flatMap(n -> every(n, f.path("every")));
            default -> {
                r.diagnostics.add(
                        kind.get(), f.path("rotation"), "unknown rotation", Quote.of(k), "daily, weekly or custom");
                yield Optional.empty();
            }
        };
    }

    private void onlyWith(Fields f, String key, boolean allowed, String expected) {
        if (!allowed && f.has(key)) {
            r.diagnostics.add(f.keyNode(key).orElseThrow(), f.path(key), "key not used here", Quote.of(key), expected);
        }
    }

    private Optional<Rotation> every(YamlNode node, String path) {
        Optional<Duration> d = r.duration(node, path);
        if (d.isPresent()
                && (d.get().compareTo(Rotation.MIN_EVERY) < 0 || d.get().getNano() != 0)) {
            r.diagnostics.add(
                    node, path, "turn too short", DurationLiteral.format(d.get()), "a turn length of at least 1h");
            return Optional.empty();
        }
        return d.map(Rotation.Custom::new);
    }

    private List<Restriction> restrictions(YamlNode node, String path) {
        List<Restriction> out = new ArrayList<>();
        List<YamlNode> items = r.list(node, path, "a list of windows such as {days: [mon], from: 09:00, to: 17:00}")
                .orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            r.fields(items.get(i), p, "a mapping with from, to and optional days", RESTRICTION_KEYS)
                    .flatMap(this::restriction)
                    .ifPresent(out::add);
        }
        return out;
    }

    private Optional<Restriction> restriction(Fields f) {
        Set<DayOfWeek> days = f.get("days").map(n -> days(n, f.path("days"))).orElse(Restriction.EVERY_DAY);
        Optional<LocalTime> from = r.require(f, "from", TIME_EXPECTED).flatMap(n -> time(n, f.path("from")));
        Optional<LocalTime> to = r.require(f, "to", TIME_EXPECTED).flatMap(n -> time(n, f.path("to")));
        if (days.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Restriction(days, from.get(), to.get()));
    }

    private Set<DayOfWeek> days(YamlNode node, String path) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        List<Scalar> items = r.scalars(node, path, "a list of weekdays such as [mon, tue]");
        for (int i = 0; i < items.size(); i++) {
            day(items.get(i), KeyPath.index(path, i)).ifPresent(out::add);
        }
        if (out.isEmpty() && items.isEmpty() && node instanceof YamlNode.Sequence) {
            r.diagnostics.add(node, path, "no days", null, "at least one weekday");
        }
        return out;
    }

    private List<ScheduleOverride> overrides(YamlNode node, String path, ZoneId zone) {
        List<ScheduleOverride> out = new ArrayList<>();
        List<YamlNode> items =
                r.list(node, path, "a list of overrides {person, from, to}").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String p = KeyPath.index(path, i);
            r.fields(items.get(i), p, "a mapping with person, from and to", OVERRIDE_KEYS)
                    .flatMap(f -> override(f, zone))
                    .ifPresent(out::add);
        }
        return out;
    }

    private Optional<ScheduleOverride> override(Fields f, ZoneId zone) {
        Optional<Scalar> person =
                r.require(f, "person", "a person").flatMap(n -> r.scalar(n, f.path("person"), "a person"));
        person.ifPresent(s -> refs.refer(OnCallReferences.PERSON, s.value(), s, f.path("person")));
        Optional<Instant> from = r.require(f, "from", INSTANT_EXPECTED).flatMap(n -> instant(n, f.path("from"), zone));
        Optional<Instant> to = r.require(f, "to", INSTANT_EXPECTED).flatMap(n -> instant(n, f.path("to"), zone));
        if (person.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (!from.get().isBefore(to.get())) {
            r.diagnostics.add(
                    f.get("to").orElseThrow(),
                    f.path("to"),
                    "override ends before it starts:",
                    from.get() + " .. " + to.get(),
                    "to later than from");
            return Optional.empty();
        }
        return Optional.of(new ScheduleOverride(person.get().value(), from.get(), to.get()));
    }

    Optional<ZoneId> zone(YamlNode node, String path) {
        return parsed(node, path, "invalid time zone", ZONE_EXPECTED, s -> WallTime.zone(s));
    }

    private Optional<LocalTime> time(YamlNode node, String path) {
        return parsed(
                node,
                path,
                "invalid time",
                TIME_EXPECTED,
                s -> TIME.matcher(s).matches()
                        ? Optional.of(LocalTime.parse(s.length() == 4 ? "0" + s : s))
                        : Optional.empty());
    }

    private Optional<DayOfWeek> day(YamlNode node, String path) {
        return parsed(node, path, "invalid weekday", DAY_EXPECTED, s -> {
            String l = s.toLowerCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                String full = d.name().toLowerCase(Locale.ROOT);
                if (l.equals(full) || l.equals(full.substring(0, 3))) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        });
    }

    private Optional<LocalDate> date(YamlNode node, String path) {
        return parsed(node, path, "invalid date", "a date such as 2026-01-05", s -> {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<Instant> instant(YamlNode node, String path, ZoneId zone) {
        return parsed(node, path, "invalid date-time", INSTANT_EXPECTED, s -> WallTime.parse(s, Optional.of(zone)));
    }

    private <T> Optional<T> parsed(
            YamlNode node,
            String path,
            String message,
            String expected,
            java.util.function.Function<String, Optional<T>> parse) {
        Optional<Scalar> s = r.scalar(node, path, expected);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> v = parse.apply(s.get().value());
        if (v.isEmpty()) {
            r.diagnostics.add(node, path, message, Quote.of(s.get().value()), expected);
        }
        return v;
    }
}
