package dev.steward.core.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.CheckId;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DailyUptimeTest {
    // the first day of March in a leap year: yesterday is 29 February
    private static final Instant NOW = Instant.parse("2028-03-01T00:30:00Z");
    private static final CheckId API = new CheckId("api", "health");
    private static final CheckId DB = new CheckId("db", "ping");

    /** {@code count} probes in the bucket of {@code at}, the first {@code failures} of them failed. */
    static Rollup rollup(CheckId check, Resolution r, Instant at, long count, long failures) {
        Rollup out = null;
        for (long i = 0; i < count; i++) {
            Rollup next = Rollup.ofProbe(check, r, at, i >= failures, Duration.ofMillis(5));
            out = out == null ? next : out.merge(next);
        }
        return out;
    }

    @Test
    void ninetyDaysEndingTodayWithNoDataWhereNothingRan() {
        List<DailyUptime.Day> days = DailyUptime.of(List.of(), NOW, DailyUptime.DAYS);

        assertThat(days).hasSize(90);
        assertThat(days.getFirst().date()).isEqualTo(LocalDate.parse("2027-12-03"));
        assertThat(days.getLast().date()).isEqualTo(LocalDate.parse("2028-03-01"));
        assertThat(days).allSatisfy(d -> assertThat(d.uptime()).isEmpty());
        assertThat(DailyUptime.overall(days)).isEmpty();
    }

    @Test
    void aDayAddsUpTheProbesOfEveryCheckAndResolution() {
        List<Rollup> rollups = List.of(
                rollup(API, Resolution.HOUR, Instant.parse("2028-02-29T10:00:00Z"), 100, 1),
                rollup(DB, Resolution.HOUR, Instant.parse("2028-02-29T23:00:00Z"), 100, 3),
                rollup(API, Resolution.MINUTE, Instant.parse("2028-03-01T00:10:00Z"), 4, 0));

        List<DailyUptime.Day> days = DailyUptime.of(rollups, NOW, DailyUptime.DAYS);

        DailyUptime.Day leapDay = days.get(88);
        assertThat(leapDay.date()).isEqualTo(LocalDate.parse("2028-02-29"));
        assertThat(leapDay.uptime()).isEqualTo(OptionalDouble.of(0.98));
        assertThat(days.get(89).uptime()).isEqualTo(OptionalDouble.of(1.0));
        assertThat(days.get(87).uptime()).isEmpty();
        assertThat(DailyUptime.overall(days).getAsDouble()).isEqualTo(1.0 - 4.0 / 204);
    }

    @Test
    void rollupsOutsideTheDaysAreLeftOut() {
        List<Rollup> rollups = List.of(
                rollup(API, Resolution.HOUR, Instant.parse("2027-12-02T23:00:00Z"), 10, 10),
                rollup(API, Resolution.HOUR, Instant.parse("2028-03-02T00:00:00Z"), 10, 10));

        assertThat(DailyUptime.of(rollups, NOW, DailyUptime.DAYS))
                .allSatisfy(d -> assertThat(d.probes()).isZero());
        assertThat(DailyUptime.from(NOW, DailyUptime.DAYS)).isEqualTo(Instant.parse("2027-12-03T00:00:00Z"));
    }
}
