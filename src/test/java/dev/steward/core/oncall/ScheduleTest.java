package dev.steward.core.oncall;

import static dev.steward.core.oncall.RotationTest.BERLIN;
import static dev.steward.core.oncall.RotationTest.z;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers over layers, restrictions and overrides; times in Europe/Berlin unless they end in Z. */
class ScheduleTest {
    static final Restriction OFFICE_HOURS =
            new Restriction(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0));

    static Layer daily(String name, String start, List<Restriction> restrictions, String... members) {
        return new Layer(
                name,
                List.of(members),
                new Rotation.Daily(),
                LocalTime.of(9, 0),
                BERLIN,
                LocalDate.parse(start),
                restrictions);
    }

    /** Base: alice and bob daily; on top: carol in office hours. */
    static Schedule primary(List<ScheduleOverride> overrides) {
        return new Schedule(
                "primary",
                BERLIN,
                List.of(
                        daily("base", "2026-11-02", List.of(), "alice", "bob"),
                        daily("office", "2026-11-02", List.of(OFFICE_HOURS), "carol")),
                overrides);
    }

    @Test
    void aLaterLayerOverridesTheEarlierOnesOnlyWhereItHasSomeone() {
        Schedule s = primary(List.of());

        assertThat(s.onCallAt(z("2026-11-23T09:00:00Z"))).contains("carol"); // Monday 10:00
        assertThat(s.onCallAt(z("2026-11-23T17:00:00Z"))).contains("bob"); // Monday 18:00, turn 21
        assertThat(s.onCallAt(z("2026-11-28T09:00:00Z"))).contains("alice"); // Saturday 10:00, turn 26
        assertThat(s.onCallAt(z("2026-11-29T02:00:00Z"))).contains("alice"); // Sunday 03:00, still Saturday's turn
    }

    @Test
    void shiftsFollowTheLayersAndRestrictionsOverAWeekday() {
        Schedule s = primary(List.of());

        assertThat(s.shifts(z("2026-11-23T00:00:00Z"), z("2026-11-24T00:00:00Z")))
                .containsExactly(
                        new Shift("alice", z("2026-11-23T00:00:00Z"), z("2026-11-23T08:00:00Z")),
                        new Shift("carol", z("2026-11-23T08:00:00Z"), z("2026-11-23T16:00:00Z")),
                        new Shift("bob", z("2026-11-23T16:00:00Z"), z("2026-11-24T00:00:00Z")));
    }

    @Test
    void anOverrideWinsOverEveryLayerAndALaterOverrideWinsOverAnEarlierOne() {
        Schedule s = primary(List.of(
                new ScheduleOverride("dave", z("2026-11-23T00:00:00Z"), z("2026-11-24T00:00:00Z")),
                new ScheduleOverride("erin", z("2026-11-23T12:00:00Z"), z("2026-11-23T13:00:00Z"))));

        assertThat(s.shifts(z("2026-11-22T23:00:00Z"), z("2026-11-24T01:00:00Z")))
                .containsExactly(
                        new Shift("alice", z("2026-11-22T23:00:00Z"), z("2026-11-23T00:00:00Z")),
                        new Shift("dave", z("2026-11-23T00:00:00Z"), z("2026-11-23T12:00:00Z")),
                        new Shift("erin", z("2026-11-23T12:00:00Z"), z("2026-11-23T13:00:00Z")),
                        new Shift("dave", z("2026-11-23T13:00:00Z"), z("2026-11-24T00:00:00Z")),
                        new Shift("bob", z("2026-11-24T00:00:00Z"), z("2026-11-24T01:00:00Z")));
    }

    @Test
    void aRestrictedLayerAloneLeavesNightsAndWeekendsAsGaps() {
        Schedule s = new Schedule(
                "office", BERLIN, List.of(daily("office", "2026-11-02", List.of(OFFICE_HOURS), "carol")), List.of());

        assertThat(s.gaps(z("2026-11-27T00:00:00Z"), z("2026-12-01T00:00:00Z")))
                .containsExactly(
                        new Interval(z("2026-11-27T00:00:00Z"), z("2026-11-27T08:00:00Z")),
                        new Interval(z("2026-11-27T16:00:00Z"), z("2026-11-30T08:00:00Z")),
                        new Interval(z("2026-11-30T16:00:00Z"), z("2026-12-01T00:00:00Z")));
    }

    @Test
    void aWindowPastMidnightEndsTheNextMorning() {
        Restriction fridayNight =
                new Restriction(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        Schedule s = new Schedule(
                "night", BERLIN, List.of(daily("night", "2026-11-02", List.of(fridayNight), "nora")), List.of());

        assertThat(s.shifts(z("2026-11-26T00:00:00Z"), z("2026-12-01T00:00:00Z")))
                .containsExactly(new Shift("nora", z("2026-11-27T21:00:00Z"), z("2026-11-28T05:00:00Z")));
    }

    @Test
    void aWindowStartingInsideTheSpringForwardGapStartsWhenTheClocksJump() {
        Restriction early = new Restriction(Restriction.EVERY_DAY, LocalTime.of(2, 30), LocalTime.of(8, 0));
        Schedule s =
                new Schedule("early", BERLIN, List.of(daily("early", "2026-03-01", List.of(early), "ed")), List.of());

        assertThat(s.shifts(z("2026-03-28T12:00:00Z"), z("2026-03-29T12:00:00Z")))
                .containsExactly(new Shift("ed", z("2026-03-29T01:00:00Z"), z("2026-03-29T06:00:00Z")));
    }

    @Test
    void anEmptyRangeHasNoShiftsAndNoGaps() {
        Schedule s = primary(List.of());

        assertThat(s.shifts(z("2026-11-23T00:00:00Z"), z("2026-11-23T00:00:00Z")))
                .isEmpty();
        assertThat(s.gaps(z("2026-11-23T00:00:00Z"), z("2026-11-23T00:00:00Z"))).isEmpty();
    }
}
