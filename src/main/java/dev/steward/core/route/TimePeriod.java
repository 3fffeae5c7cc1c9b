package dev.steward.core.route;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of a time interval: the instant, seen on the wall clock of {@code location}, must fall in one of the
 * {@code times} (minutes of the day, start inclusive, end exclusive), one of the {@code weekdays} (0 = Sunday, as in
 * Alertmanager), one of the {@code daysOfMonth} (negative counts back from the month's last day: -1 is the last), one
 * of the {@code months} (1 = January) and one of the {@code years}. An empty list does not constrain. On the day
 * clocks go forward, wall-clock minutes that do not exist are never inside; on the day they go back, the repeated hour
 * is inside twice (both instants show the same wall-clock time).
 */
public record TimePeriod(
        List<IntRange> times,
        List<IntRange> weekdays,
        List<IntRange> daysOfMonth,
        List<IntRange> months,
        List<IntRange> years,
        ZoneId location) {
    public static final TimePeriod ALWAYS =
            new TimePeriod(List.of(), List.of(), List.of(), List.of(), List.of(), ZoneOffset.UTC);

    /** An inclusive range of integers; for {@code times}, minutes of the day with an exclusive end. */
    public record IntRange(int begin, int end) {}

    public TimePeriod {
        times = List.copyOf(times);
        weekdays = List.copyOf(weekdays);
        daysOfMonth = List.copyOf(daysOfMonth);
        months = List.copyOf(months);
        years = List.copyOf(years);
    }

    public boolean contains(Instant at) {
        ZonedDateTime t = at.atZone(location);
        int minute = t.getHour() * 60 + t.getMinute();
        if (!times.isEmpty() && times.stream().noneMatch(r -> minute >= r.begin() && minute < r.end())) {
            return false;
        }
        int weekday = t.getDayOfWeek().getValue() % 7;
        if (!inAny(weekdays, weekday) || !inAny(months, t.getMonthValue()) || !inAny(years, t.getYear())) {
            return false;
        }
        return daysOfMonth.isEmpty() || daysOfMonth.stream().anyMatch(r -> dayInRange(r, t));
    }

    private static boolean inAny(List<IntRange> ranges, int v) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> v >= r.begin() && v <= r.end());
    }

    private static boolean dayInRange(IntRange r, ZonedDateTime t) {
        int days = t.toLocalDate().lengthOfMonth();
        int begin = r.begin() < 0 ? days + r.begin() + 1 : r.begin();
        int end = r.end() < 0 ? days + r.end() + 1 : r.end();
        if (begin > days) {
            return false;
        }
        end = Math.min(end, days);
        return t.getDayOfMonth() >= begin && t.getDayOfMonth() <= end;
    }
}
