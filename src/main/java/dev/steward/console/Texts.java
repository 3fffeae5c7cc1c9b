package dev.steward.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How the console writes numbers and times for people: "12 ms", "99.95 %", "3m ago", "1.2 GiB". */
public final class Texts {
    private Texts() {}

    /**
     * As {@link #millis(double)} of the duration in milliseconds, with the same text, but in integer arithmetic on the
     * nanoseconds (the overview writes one per check, and Formatter is slow).
     */
    public static String millis(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 0) {
            return millis(nanos / 1e6);
        }
        if (nanos >= 10_000_000_000L) {
            return tenths((nanos + 50_000_000) / 100_000_000) + " s";
        }
        if (nanos >= 10_000_000) {
            return (nanos + 500_000) / 1_000_000 + " ms";
        }
        return tenths((nanos + 50_000) / 100_000) + " ms";
    }

    private static String tenths(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }

    public static String millis(double ms) {
        if (ms >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** A share between 0 and 1 as a percentage: two decimals near 100 %, where the decimals matter. */
    public static String percent(double share) {
        double p = share * 100;
        if (p >= 99 && p < 100) {
            return String.format(Locale.ROOT, "%.2f %%", Math.floor(p * 100) / 100);
        }
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    public static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (b >= 1024 && i < units.length - 1) {
            b /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, i == 0 ? "%.0f %s" : "%.1f %s", b, units[i]);
    }

    /** How long before {@code now} {@code then} was: "just now", "45s ago", "3m ago", "2h ago", "5d ago". */
    public static String ago(Instant then, Instant now) {
        long s = Duration.between(then, now).toSeconds();
        if (s < 5) {
            return "just now";
        }
        if (s < 60) {
            return s + "s ago";
        }
        if (s < 3600) {
            return s / 60 + "m ago";
        }
        if (s < 86_400) {
            return s / 3600 + "h ago";
        }
        return s / 86_400 + "d ago";
    }
}
