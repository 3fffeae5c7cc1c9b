package dev.steward.statuspage;

import dev.steward.core.statuspage.DailyUptime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** How the page writes times, percentages and the classes of uptime bars (called from the template). */
public final class Format {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ROOT);

    private Format() {}

    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** "99.95 %", or "no data". Never rounds a failure up to 100 %. */
    public static String percent(OptionalDouble uptime) {
        if (uptime.isEmpty()) {
            return "no data";
        }
        double p = Math.floor(uptime.getAsDouble() * 10000) / 100;
        return String.format(Locale.ROOT, "%.2f %%", p);
    }

    /** The bar's tooltip: "Thu 29 Feb 2028: 99.95 % up", or "...: no data". */
    public static String dayTitle(DailyUptime.Day day) {
        String what = day.uptime().isEmpty() ? "no data" : percent(day.uptime()) + " up";
        return DAY.format(day.date()) + ": " + what;
    }

    /** The bar's colour class, from its uptime: good from 99.9 %, fair from 99 %, poor from 95 %, bad below. */
    public static String dayClass(DailyUptime.Day day) {
        if (day.uptime().isEmpty()) {
            return "none";
        }
        double u = day.uptime().getAsDouble();
        return u >= 0.999 ? "good" : u >= 0.99 ? "fair" : u >= 0.95 ? "poor" : "bad";
    }

    /** The status's CSS class: {@code operational}, {@code partial_outage}... */
    public static String css(dev.steward.core.statuspage.ComponentStatus status) {
        return status.label();
    }
}
