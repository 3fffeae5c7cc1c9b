package dev.steward.core.maintenance;

import static dev.steward.core.maintenance.Windows.BERLIN;
import static dev.steward.core.maintenance.Windows.cron;
import static dev.steward.core.maintenance.Windows.oneOff;
import static dev.steward.core.maintenance.Windows.services;
import static dev.steward.core.maintenance.Windows.weekly;
import static dev.steward.core.maintenance.Windows.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Matcher;
import dev.steward.core.route.Matchers;
import dev.steward.core.route.Parsed;
import dev.steward.core.series.Labels;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaintenanceCalendarTest {
    static final Map<String, List<String>> DEPENDS_ON =
            Map.of("api", List.of("db", "cache"), "web", List.of("api"), "db", List.of(), "cache", List.of());

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void aOneOffWindowIsActiveFromItsStartUntilJustBeforeItsEnd() {
        var cal = new MaintenanceCalendar(List.of(oneOff("up", "2026-11-24T02:00:00Z", "2026-11-24T04:00:00Z", "db")));
        assertThat(cal.active(t("2026-11-24T01:59:59Z"))).isEmpty();
        assertThat(cal.active(t("2026-11-24T02:00:00Z"))).hasSize(1);
        assertThat(cal.active(t("2026-11-24T03:59:59Z"))).hasSize(1);
        assertThat(cal.active(t("2026-11-24T04:00:00Z"))).isEmpty();
    }

    @Test
    void aWeeklyWindowOpensOnItsDaysInItsZone() {
        var w = window("prod", weekly("02:00", Duration.ofHours(2), ZoneOffset.UTC, DayOfWeek.SUNDAY), services("*"));
        var cal = new MaintenanceCalendar(List.of(w));
        List<Occurrence> nov = cal.occurrences(t("2026-11-01T00:00:00Z"), t("2026-12-01T00:00:00Z"));
        assertThat(nov)
                .extracting(Occurrence::start)
                .containsExactly(
                        t("2026-11-01T02:00:00Z"),
                        t("2026-11-08T02:00:00Z"),
                        t("2026-11-15T02:00:00Z"),
                        t("2026-11-22T02:00:00Z"),
                        t("2026-11-29T02:00:00Z"));
        assertThat(nov)
                .allSatisfy(
                        o -> assertThat(Duration.between(o.start(), o.end())).hasHours(2));
    }

    @Test
    void onTheSpringForwardDayAStartInTheGapStartsAtTheEndOfTheGapAndKeepsItsDuration() {
        // Europe/Berlin 2026-03-29: 02:00 CET becomes 03:00 CEST, so 02:30 does not exist
        var w = window("nightly", cron("30 2 * * *", Duration.ofHours(1), BERLIN), services("db"));
        var cal = new MaintenanceCalendar(List.of(w));
        List<Occurrence> o = cal.occurrences(t("2026-03-28T00:00:00Z"), t("2026-03-31T00:00:00Z"));
        assertThat(o)
                .extracting(Occurrence::start)
                .containsExactly(
                        t("2026-03-28T01:30:00Z"), // 02:30 CET
                        t("2026-03-29T01:00:00Z"), // 03:00 CEST, the first valid instant after the gap
                        t("2026-03-30T00:30:00Z")); // 02:30 CEST
        assertThat(o.get(1).end()).isEqualTo(t("2026-03-29T02:00:00Z"));
    }

    @Test
    void onTheSpringForwardDaySeveralStartsInTheGapMakeOneOccurrence() {
        var w = window("quarterly", cron("*/15 2 * * *", Duration.ofMinutes(10), BERLIN), services("db"));
        var cal = new MaintenanceCalendar(List.of(w));
        assertThat(cal.occurrences(t("2026-03-29T00:00:00Z"), t("2026-03-29T03:00:00Z")))
                .extracting(Occurrence::start)
                .containsExactly(t("2026-03-29T01:00:00Z"));
    }

    @Test
    void onTheFallBackDayAStartInTheRepeatedHourHappensOnceAtItsFirstOccurrence() {
        // Europe/Berlin 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice
        var w = window("nightly", weekly("02:30", Duration.ofHours(1), BERLIN, DayOfWeek.SUNDAY), services("db"));
        var cal = new MaintenanceCalendar(List.of(w));
        List<Occurrence> o = cal.occurrences(t("2026-10-24T00:00:00Z"), t("2026-10-26T00:00:00Z"));
        assertThat(o).extracting(Occurrence::start).containsExactly(t("2026-10-25T00:30:00Z")); // 02:30 CEST
        assertThat(o.getFirst().end()).isEqualTo(t("2026-10-25T01:30:00Z")); // elapsed hour: 02:30 CET
    }

    @Test
    void anHourlyCronOnTheFallBackDayOpensOnceForTheRepeatedHour() {
        var w = window("hourly", cron("0 * * * *", Duration.ofMinutes(5), BERLIN), services("db"));
        var cal = new MaintenanceCalendar(List.of(w));
        assertThat(cal.occurrences(t("2026-10-24T23:30:00Z"), t("2026-10-25T02:30:00Z")))
                .extracting(Occurrence::start)
                .containsExactly(
                        t("2026-10-25T00:00:00Z"), // 02:00 CEST
                        t("2026-10-25T02:00:00Z")); // 03:00 CET; 02:00 CET is the same local time again: skipped
    }

    @Test
    void aWindowCoversItsServicesMatchingLabelsAndDependantsOnlyWhenPropagating() {
        Instant now = t("2026-11-24T03:00:00Z");
        var schedule = new Schedule.OneOff(t("2026-11-24T02:00:00Z"), t("2026-11-24T04:00:00Z"));
        var plain = new MaintenanceCalendar(List.of(window("db upgrade", schedule, services("db"))));
        assertThat(plain.inScope("db", Labels.EMPTY, DEPENDS_ON, now)).isPresent();
        assertThat(plain.inScope("web", Labels.EMPTY, DEPENDS_ON, now)).isEmpty();

        var propagating = new MaintenanceCalendar(
                List.of(window("db upgrade", schedule, new Scope(Set.of("db"), Matchers.NONE, true))));
        assertThat(propagating.inScope("web", Labels.EMPTY, DEPENDS_ON, now)).isPresent();
        assertThat(propagating.inScope("cache", Labels.EMPTY, DEPENDS_ON, now)).isEmpty();

        Matcher team = ((Parsed.Ok<Matcher>) Matcher.of("team", Matcher.Type.EQUAL, "search")).value();
        var byLabel = new MaintenanceCalendar(
                List.of(window("reindex", schedule, new Scope(Set.of(), new Matchers(List.of(team)), false))));
        assertThat(byLabel.inScope("es", Labels.of("team", "search"), DEPENDS_ON, now))
                .isPresent();
        assertThat(byLabel.inScope("es", Labels.of("team", "web"), DEPENDS_ON, now))
                .isEmpty();
    }

    @Test
    void theReasonNamesTheWindowAndItsEndInItsZone() {
        var w = window("db upgrade", weekly("02:00", Duration.ofHours(2), BERLIN, DayOfWeek.TUESDAY), services("db"));
        var in = new MaintenanceCalendar(List.of(w)).inScope("db", Labels.EMPTY, DEPENDS_ON, t("2026-11-24T02:00:00Z"));
        assertThat(in)
                .get()
                .extracting(InMaintenance::reason)
                .isEqualTo("in maintenance: db upgrade until 04:00 Europe/Berlin");
    }

    @Test
    void transitionsListOpeningsAndClosingsInTheHalfOpenRangeWithClosingsFirst() {
        var a = oneOff("a", "2026-11-24T02:00:00Z", "2026-11-24T03:00:00Z", "db");
        var b = oneOff("b", "2026-11-24T03:00:00Z", "2026-11-24T04:00:00Z", "db");
        var cal = new MaintenanceCalendar(List.of(b, a));
        List<MaintenanceEvent> events = cal.transitions(t("2026-11-24T02:00:00Z"), t("2026-11-24T04:00:00Z"));
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName() + " "
                        + e.occurrence().window().id() + " " + e.at())
                .containsExactly(
                        "Ended a 2026-11-24T03:00:00Z",
                        "Started b 2026-11-24T03:00:00Z",
                        "Ended b 2026-11-24T04:00:00Z");
    }

    @Test
    void nextChangeIsTheNearestOpeningOrClosing() {
        var w = window("prod", weekly("02:00", Duration.ofHours(2), ZoneOffset.UTC, DayOfWeek.SUNDAY), services("*"));
        var cal = new MaintenanceCalendar(List.of(w));
        assertThat(cal.nextChange(t("2026-11-24T10:00:00Z"))).contains(t("2026-11-29T02:00:00Z"));
        assertThat(cal.nextChange(t("2026-11-29T02:00:00Z"))).contains(t("2026-11-29T04:00:00Z"));
        assertThat(MaintenanceCalendar.EMPTY.nextChange(t("2026-11-29T02:00:00Z")))
                .isEmpty();
    }

    @Test
    void endingARecurringWindowEarlyClosesTheOpenOccurrenceAndCancelsLaterOnes() {
        var w = window("prod", weekly("02:00", Duration.ofHours(2), ZoneOffset.UTC, DayOfWeek.SUNDAY), services("*"))
                .endedAt(t("2026-11-29T02:30:00Z"));
        var cal = new MaintenanceCalendar(List.of(w));
        assertThat(cal.occurrences(t("2026-11-23T00:00:00Z"), t("2026-12-31T00:00:00Z")))
                .extracting(Occurrence::start, Occurrence::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(t("2026-11-29T02:00:00Z"), t("2026-11-29T02:30:00Z")));
        assertThat(cal.nextChange(t("2026-11-29T02:30:00Z"))).isEmpty();
    }

    @Test
    void onlyWindowsMarkedSoFreezeDeployments() {
        Instant now = t("2026-11-24T03:00:00Z");
        var quiet = oneOff("quiet", "2026-11-24T02:00:00Z", "2026-11-24T04:00:00Z", "api");
        var frozen = new MaintenanceWindow(
                "frozen",
                "freeze",
                quiet.schedule(),
                services("db"),
                true,
                false,
                "ops",
                "",
                quiet.origin(),
                quiet.createdAt(),
                quiet.endedAt());
        var cal = new MaintenanceCalendar(List.of(quiet, frozen));
        assertThat(cal.freezesDeployments("api", Labels.EMPTY, DEPENDS_ON, now)).isFalse();
        assertThat(cal.freezesDeployments("db", Labels.EMPTY, DEPENDS_ON, now)).isTrue();
        assertThat(cal.freezesDeployments("db", Labels.EMPTY, DEPENDS_ON, t("2026-11-24T04:00:00Z")))
                .isFalse();
    }
}
