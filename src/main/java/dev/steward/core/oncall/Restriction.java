package dev.steward.core.oncall;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A window in which a layer is on duty, in the layer's time zone: on each of {@code days}, from {@code from} to
 * {@code to}. When {@code to} is not after {@code from} the window runs past midnight into the next day (22:00–06:00
 * on Friday ends Saturday 06:00; 00:00–00:00 is the whole day).
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    public static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    public Restriction {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("restriction: expected at least one day");
        }
        days = Set.copyOf(days);
    }

    /** Whether the wall-clock time {@code local} is inside this window. */
    public boolean contains(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (from.isBefore(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
    }
}
