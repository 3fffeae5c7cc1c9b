package dev.steward.core.maintenance;

import dev.steward.core.route.Matchers;
import dev.steward.core.route.Parsed;
import dev.steward.cron.UnixCron;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Builders of windows for the tests. */
final class Windows {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private Windows() {}

    static Scope services(String... names) {
        return new Scope(Set.of(names), Matchers.NONE, false);
    }

    static MaintenanceWindow window(String id, Schedule schedule, Scope scope) {
        return new MaintenanceWindow(
                id,
                id,
                schedule,
                scope,
                false,
                false,
                "ops",
                "",
                MaintenanceWindow.Origin.API,
                CREATED,
                Optional.empty());
    }

    static MaintenanceWindow oneOff(String id, String start, String end, String... services) {
        return window(id, new Schedule.OneOff(Instant.parse(start), Instant.parse(end)), services(services));
    }

    static Schedule.Weekly weekly(String at, Duration duration, ZoneId zone, DayOfWeek... days) {
        return new Schedule.Weekly(Set.of(days), LocalTime.parse(at), duration, zone);
    }

    static Schedule.Cron cron(String expression, Duration duration, ZoneId zone) {
        return switch (UnixCron.INSTANCE.parse(expression)) {
            case Parsed.Ok<CronRule>(CronRule rule) -> new Schedule.Cron(rule, duration, zone);
            case Parsed.Failed<CronRule>(String reason) -> throw new IllegalArgumentException(reason);
        };
    }
}
