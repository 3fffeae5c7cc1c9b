package dev.steward.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The {@code weekly} field of a window request: {@code {"days": ["sun"], "at": "02:00"}}, local to {@code zone}. */
record WeeklyRequest(Set<DayOfWeek> days, LocalTime at) {
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String DAYS = "days of the week: mon, tue, wed, thu, fri, sat, sun";

    static Optional<WeeklyRequest> read(JsonNode n, List<ApiException.FieldError> errors) {
        if (!n.isObject()) {
            errors.add(new ApiException.FieldError("weekly", n.toString(), "an object with days and at"));
            return Optional.empty();
        }
        int before = errors.size();
        for (String name : n.propertyNames()) {
            if (!name.equals("days") && !name.equals("at")) {
                errors.add(new ApiException.FieldError(
                        "weekly." + name, n.get(name).toString(), "days or at"));
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        JsonNode d = n.path("days");
        if (!d.isArray() || d.isEmpty()) {
            errors.add(new ApiException.FieldError("weekly.days", d.toString(), "a non-empty list of " + DAYS));
        } else {
            for (int i = 0; i < d.size(); i++) {
                Optional<DayOfWeek> day = day(d.get(i).asString(""));
                day.ifPresent(days::add);
                if (day.isEmpty()) {
                    errors.add(new ApiException.FieldError(
                            "weekly.days[" + i + "]", d.get(i).toString(), DAYS));
                }
            }
        }
        String at = n.path("at").asString("");
        if (!TIME.matcher(at).matches()) {
            errors.add(new ApiException.FieldError("weekly.at", at, "a local time HH:MM such as \"02:00\""));
        }
        return errors.size() == before ? Optional.of(new WeeklyRequest(days, LocalTime.parse(at))) : Optional.empty();
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
