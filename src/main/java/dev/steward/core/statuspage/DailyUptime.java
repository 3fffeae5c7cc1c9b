package dev.steward.core.statuspage;

import dev.steward.core.rollup.Rollup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Uptime per UTC day: the share of probes that succeeded that day, over every check of a component's services. A
 * day with no probe at all has no value ("no data"), never 100 %.
 */
public final class DailyUptime {
    public static final int DAYS = 90;

    private DailyUptime() {}

    /** One day: its date, probes run and failed, and the uptime (empty when no probe ran). */
    public record Day(LocalDate date, long probes, long failures) {
        public OptionalDouble uptime() {
            return probes == 0 ? OptionalDouble.empty() : OptionalDouble.of(1.0 - (double) failures / probes);
        }
    }

    /** The UTC midnight {@code days - 1} days before the day of {@code now}: where the query for the bars starts. */
    public static Instant from(Instant now, int days) {
        return today(now).minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The last {@code days} days up to and including today (the day of {@code now}), oldest first, from rollups of any
     * resolution (each counted in the day its bucket starts; hourly and finer buckets never straddle midnight).
     */
    public static List<Day> of(Collection<Rollup> rollups, Instant now, int days) {
        LocalDate first = today(now).minusDays(days - 1L);
        long[] probes = new long[days];
        long[] failures = new long[days];
        for (Rollup r : rollups) {
            LocalDate day = LocalDate.ofInstant(r.bucketStart(), ZoneOffset.UTC);
            long index = day.toEpochDay() - first.toEpochDay();
            if (index >= 0 && index < days) {
                probes[(int) index] += r.count();
                failures[(int) index] += r.failures();
            }
        }
        List<Day> out = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            out.add(new Day(first.plusDays(i), probes[i], failures[i]));
        }
        return out;
    }

    /** Uptime over all the days that have data; empty when none has. */
    public static OptionalDouble overall(List<Day> days) {
        long probes = days.stream().mapToLong(Day::probes).sum();
        long failures = days.stream().mapToLong(Day::failures).sum();
        return probes == 0 ? OptionalDouble.empty() : OptionalDouble.of(1.0 - (double) failures / probes);
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
