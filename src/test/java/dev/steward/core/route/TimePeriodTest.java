package dev.steward.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.TimePeriod.IntRange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimePeriodTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static <T> T ok(Parsed<T> p) {
        return switch (p) {
            case Parsed.Ok<T>(T v) -> v;
            case Parsed.Failed<T>(String reason) -> throw new AssertionError(reason);
        };
    }

    static String failed(Parsed<?> p) {
        return p instanceof Parsed.Failed<?>(String reason) ? reason : "parsed " + p;
    }

    private static TimePeriod times(String start, String end, ZoneId zone) {
        return new TimePeriod(
                List.of(ok(TimePeriodText.times(start, end))), List.of(), List.of(), List.of(), List.of(), zone);
    }

    private static TimePeriod days(String... ranges) {
        List<IntRange> r = java.util.Arrays.stream(ranges)
                .map(s -> ok(TimePeriodText.daysOfMonth(s)))
                .toList();
        return new TimePeriod(List.of(), List.of(), r, List.of(), List.of(), ZoneOffset.UTC);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void timesIncludeTheStartAndExcludeTheEnd() {
        TimePeriod night = times("02:00", "04:00", ZoneOffset.UTC);
        assertThat(night.contains(at("2024-06-02T01:59:59Z"))).isFalse();
        assertThat(night.contains(at("2024-06-02T02:00:00Z"))).isTrue();
        assertThat(night.contains(at("2024-06-02T03:59:59Z"))).isTrue();
        assertThat(night.contains(at("2024-06-02T04:00:00Z"))).isFalse();
        assertThat(times("22:00", "24:00", ZoneOffset.UTC).contains(at("2024-06-02T23:59:59Z")))
                .isTrue();
    }

    @Test
    void anHourThatDoesNotExistWhenClocksGoForwardIsNeverInside() {
        TimePeriod missing = times("02:00", "03:00", BERLIN);
        // 2024-03-31: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
        for (Instant t = at("2024-03-30T23:00:00Z"); t.isBefore(at("2024-03-31T03:00:00Z")); t = t.plusSeconds(60)) {
            assertThat(missing.contains(t)).as("%s", t).isFalse();
        }
        TimePeriod oneToThree = times("01:00", "03:00", BERLIN);
        assertThat(oneToThree.contains(at("2024-03-31T00:59:59Z"))).isTrue();
        assertThat(oneToThree.contains(at("2024-03-31T01:00:00Z"))).isFalse();
    }

    @Test
    void anHourRepeatedWhenClocksGoBackIsInsideTwice() {
        TimePeriod repeated = times("02:00", "03:00", BERLIN);
        // 2024-10-27: 03:00 CEST goes back to 02:00 CET at 01:00 UTC, so 02:00-03:00 local lasts two hours.
        assertThat(repeated.contains(at("2024-10-26T23:59:59Z"))).isFalse();
        assertThat(repeated.contains(at("2024-10-27T00:00:00Z"))).isTrue();
        assertThat(repeated.contains(at("2024-10-27T00:59:59Z"))).isTrue();
        assertThat(repeated.contains(at("2024-10-27T01:00:00Z"))).isTrue();
        assertThat(repeated.contains(at("2024-10-27T01:59:59Z"))).isTrue();
        assertThat(repeated.contains(at("2024-10-27T02:00:00Z"))).isFalse();
    }

    @Test
    void weekdaysAreJudgedOnTheLocationsCalendar() {
        TimePeriod sunday = new TimePeriod(
                List.of(), List.of(ok(TimePeriodText.weekdays("sunday"))), List.of(), List.of(), List.of(), BERLIN);
        // Saturday 23:30 in UTC is already Sunday 00:30 in Berlin.
        assertThat(sunday.contains(at("2024-03-02T23:30:00Z"))).isTrue();
        assertThat(sunday.contains(at("2024-03-02T22:30:00Z"))).isFalse();
        TimePeriod workdays = new TimePeriod(
                List.of(),
                List.of(ok(TimePeriodText.weekdays("Monday:Friday"))),
                List.of(),
                List.of(),
                List.of(),
                ZoneOffset.UTC);
        assertThat(workdays.contains(at("2024-03-01T12:00:00Z"))).isTrue(); // Friday
        assertThat(workdays.contains(at("2024-03-02T12:00:00Z"))).isFalse(); // Saturday
    }

    @Test
    void negativeDaysCountBackFromTheLastDayOfTheMonthIncluding29February() {
        TimePeriod last = days("-1");
        assertThat(last.contains(at("2024-02-29T10:00:00Z"))).isTrue();
        assertThat(last.contains(at("2024-02-28T10:00:00Z"))).isFalse();
        assertThat(last.contains(at("2023-02-28T10:00:00Z"))).isTrue();
        assertThat(last.contains(at("2024-12-31T10:00:00Z"))).isTrue();
        TimePeriod lastThree = days("-3:-1");
        assertThat(lastThree.contains(at("2024-02-27T00:00:00Z"))).isTrue();
        assertThat(lastThree.contains(at("2024-02-26T23:59:59Z"))).isFalse();
        assertThat(days("1:-1").contains(at("2024-02-29T00:00:00Z"))).isTrue();
    }

    @Test
    void daysPastTheEndOfAShortMonthAreSkippedOrClamped() {
        assertThat(days("30:31").contains(at("2024-02-29T10:00:00Z"))).isFalse();
        assertThat(days("29").contains(at("2023-02-28T10:00:00Z"))).isFalse();
        assertThat(days("29").contains(at("2024-02-29T10:00:00Z"))).isTrue();
        assertThat(days("28:31").contains(at("2023-02-28T10:00:00Z"))).isTrue();
    }

    @Test
    void monthsAndYearsRestrictTheCalendar() {
        TimePeriod q1of2024 = new TimePeriod(
                List.of(),
                List.of(),
                List.of(),
                List.of(ok(TimePeriodText.months("january:3"))),
                List.of(ok(TimePeriodText.years("2024"))),
                ZoneOffset.UTC);
        assertThat(q1of2024.contains(at("2024-02-29T10:00:00Z"))).isTrue();
        assertThat(q1of2024.contains(at("2024-04-01T00:00:00Z"))).isFalse();
        assertThat(q1of2024.contains(at("2025-01-01T00:00:00Z"))).isFalse();
        // New Year's Eve 23:30 UTC is already January in Berlin.
        TimePeriod january = new TimePeriod(
                List.of(), List.of(), List.of(), List.of(ok(TimePeriodText.months("january"))), List.of(), BERLIN);
        assertThat(january.contains(at("2024-12-31T23:30:00Z"))).isTrue();
    }

    @Test
    void allPartsMustHoldAndAnyPeriodOfAnIntervalSuffices() {
        TimePeriod weekdayNights = new TimePeriod(
                List.of(ok(TimePeriodText.times("00:00", "06:00"))),
                List.of(ok(TimePeriodText.weekdays("monday:friday"))),
                List.of(),
                List.of(),
                List.of(),
                ZoneOffset.UTC);
        TimeInterval offHours = new TimeInterval(
                "off-hours",
                List.of(
                        weekdayNights,
                        new TimePeriod(
                                List.of(),
                                List.of(ok(TimePeriodText.weekdays("saturday")), ok(TimePeriodText.weekdays("sunday"))),
                                List.of(),
                                List.of(),
                                List.of(),
                                ZoneOffset.UTC)));
        assertThat(offHours.contains(at("2024-03-01T03:00:00Z"))).isTrue(); // Friday night
        assertThat(offHours.contains(at("2024-03-01T12:00:00Z"))).isFalse(); // Friday noon
        assertThat(offHours.contains(at("2024-03-03T12:00:00Z"))).isTrue(); // Sunday noon
        assertThat(TimePeriod.ALWAYS.contains(at("2024-03-01T12:00:00Z"))).isTrue();
    }

    @Test
    void refusesMalformedPartsWithTheReason() {
        assertThat(failed(TimePeriodText.times("17:00", "09:00"))).contains("not before");
        assertThat(failed(TimePeriodText.times("24:30", "24:00"))).contains("invalid time \"24:30\"");
        assertThat(failed(TimePeriodText.times("9:00", "10:00"))).contains("invalid time");
        assertThat(failed(TimePeriodText.weekdays("friday:monday"))).contains("after");
        assertThat(failed(TimePeriodText.weekdays("saturday:sunday"))).contains("after");
        assertThat(failed(TimePeriodText.weekdays("1"))).contains("expected a weekday");
        assertThat(failed(TimePeriodText.daysOfMonth("0"))).contains("out of range");
        assertThat(failed(TimePeriodText.daysOfMonth("32"))).contains("out of range");
        assertThat(failed(TimePeriodText.daysOfMonth("-1:1"))).contains("end day must be negative");
        assertThat(failed(TimePeriodText.daysOfMonth("-1:-3"))).contains("always before");
        assertThat(failed(TimePeriodText.daysOfMonth("27:-3"))).contains("always before");
        assertThat(ok(TimePeriodText.daysOfMonth("25:-3"))).isEqualTo(new IntRange(25, -3));
        assertThat(failed(TimePeriodText.months("13"))).contains("expected a month");
        assertThat(failed(TimePeriodText.years("2026:2024"))).contains("after");
        assertThat(failed(TimePeriodText.location("Mars/Olympus"))).contains("unknown location");
    }
}
