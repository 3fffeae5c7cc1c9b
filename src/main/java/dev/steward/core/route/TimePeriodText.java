package dev.steward.core.route;

import dev.steward.core.route.TimePeriod.IntRange;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Alertmanager's spellings of the parts of a time period: {@code 09:00} to {@code 17:30} (up to {@code 24:00}), {@code
 * monday:friday}, {@code 1:7} or {@code -3:-1} days of the month, {@code january:march} or {@code 1:3}, {@code
 * 2024:2026}, and IANA locations ({@code Europe/Berlin}; {@code UTC} by default).
 */
public final class TimePeriodText {
    private static final Pattern CLOCK = Pattern.compile("^([0-9]{2}):([0-9]{2})$");
    private static final List<String> WEEKDAYS =
            List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
    private static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    private TimePeriodText() {}

    /** A range of minutes of the day from {@code start_time} (inclusive) to {@code end_time} (exclusive). */
    public static Parsed<IntRange> times(String start, String end) {
        int s = minuteOfDay(start);
        int e = minuteOfDay(end);
        if (s < 0 || e < 0) {
            return Parsed.failed("invalid time \"" + (s < 0 ? start : end) + "\": expected HH:MM from 00:00 to 24:00");
        }
        if (s >= e) {
            return Parsed.failed("start time " + start + " is not before end time " + end);
        }
        return Parsed.ok(new IntRange(s, e));
    }

    private static int minuteOfDay(String text) {
        var m = CLOCK.matcher(text.strip());
        if (!m.matches()) {
            return -1;
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        if (min > 59 || h > 24 || (h == 24 && min != 0)) {
            return -1;
        }
        return h * 60 + min;
    }

    public static Parsed<IntRange> weekdays(String text) {
        return named(text, WEEKDAYS, 0, "a weekday (sunday … saturday) or a range such as monday:friday");
    }

    public static Parsed<IntRange> months(String text) {
        return named(text, MONTHS, 1, "a month (january … december or 1 … 12) or a range such as january:march");
    }

    public static Parsed<IntRange> years(String text) {
        String[] parts = text.strip().split(":", -1);
        Integer b = integer(parts[0]);
        Integer e = parts.length == 2 ? integer(parts[1]) : b;
        if (parts.length > 2 || b == null || e == null || b < 0 || e < 0) {
            return Parsed.failed("invalid year range \"" + text + "\": expected a year or a range such as 2024:2026");
        }
        return b > e ? Parsed.failed("start year " + b + " is after end year " + e) : Parsed.ok(new IntRange(b, e));
    }

    public static Parsed<IntRange> daysOfMonth(String text) {
        String[] parts = text.strip().split(":", -1);
        Integer b = integer(parts[0]);
        Integer e = parts.length == 2 ? integer(parts[1]) : b;
        String expected = "a day from 1 to 31 or -31 to -1, or a range such as 1:7 or -3:-1";
        if (parts.length > 2 || b == null || e == null) {
            return Parsed.failed("invalid day of month \"" + text + "\": expected " + expected);
        }
        if (b == 0 || e == 0 || Math.abs(b) > 31 || Math.abs(e) > 31) {
            return Parsed.failed("day of month out of range in \"" + text + "\": expected " + expected);
        }
        if (b < 0 && e > 0) {
            return Parsed.failed("end day must be negative when the start day is, in \"" + text + '"');
        }
        // Negative days compared as in the shortest month (28 days), as Alertmanager does: refuses only ranges
        // that are empty in every month.
        int tb = b < 0 ? 28 + b : b;
        int te = e < 0 ? 28 + e : e;
        return tb > te
                ? Parsed.failed("end day " + e + " is always before start day " + b + " in \"" + text + '"')
                : Parsed.ok(new IntRange(b, e));
    }

    public static Parsed<ZoneId> location(String text) {
        if (text.equals("UTC")) {
            return Parsed.ok(ZoneOffset.UTC);
        }
        try {
            return Parsed.ok(ZoneId.of(text));
        } catch (DateTimeException e) {
            return Parsed.failed("unknown location \"" + text + "\": expected an IANA time zone such as Europe/Berlin");
        }
    }

    private static Parsed<IntRange> named(String text, List<String> names, int first, String expected) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":", -1);
        int b = index(parts[0], names, first);
        int e = parts.length == 2 ? index(parts[1], names, first) : b;
        if (parts.length > 2 || b < 0 || e < 0) {
            return Parsed.failed("invalid \"" + text + "\": expected " + expected);
        }
        return b > e
                ? Parsed.failed("start \"" + parts[0] + "\" is after end \"" + parts[1] + "\" in \"" + text + '"')
                : Parsed.ok(new IntRange(b, e));
    }

    private static int index(String word, List<String> names, int first) {
        int i = names.indexOf(word);
        if (i >= 0) {
            return i + first;
        }
        Integer n = first == 1 ? integer(word) : null; // months may be numbers, weekdays may not
        return n != null && n >= 1 && n <= names.size() ? n : -1;
    }

    private static Integer integer(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
