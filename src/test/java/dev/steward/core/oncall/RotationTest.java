package dev.steward.core.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rotations at awkward moments: daylight-saving changes in Berlin and New York, 29 February, the end of a year. */
class RotationTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Layer layer(Rotation rotation, String handoff, ZoneId zone, String start, String... members) {
        return new Layer(
                "l", List.of(members), rotation, LocalTime.parse(handoff), zone, LocalDate.parse(start), List.of());
    }

    static Schedule schedule(Layer... layers) {
        return new Schedule("s", layers[0].zone(), List.of(layers), List.of());
    }

    static Instant z(String text) {
        return Instant.parse(text);
    }

    @Test
    void dailyHandOffStaysAtNineLocalSoTheSpringForwardShiftLastsTwentyThreeHours() {
        Schedule s = schedule(layer(new Rotation.Daily(), "09:00", BERLIN, "2026-03-27", "alice", "bob"));

        assertThat(s.shifts(z("2026-03-27T08:00:00Z"), z("2026-03-30T07:00:00Z")))
                .containsExactly(
                        new Shift("alice", z("2026-03-27T08:00:00Z"), z("2026-03-28T08:00:00Z")),
                        new Shift("bob", z("2026-03-28T08:00:00Z"), z("2026-03-29T07:00:00Z")),
                        new Shift("alice", z("2026-03-29T07:00:00Z"), z("2026-03-30T07:00:00Z")));
        assertThat(Duration.between(z("2026-03-28T08:00:00Z"), z("2026-03-29T07:00:00Z")))
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void dailyHandOffStaysAtNineLocalSoTheFallBackShiftLastsTwentyFiveHours() {
        Schedule s = schedule(layer(new Rotation.Daily(), "09:00", BERLIN, "2026-10-24", "alice", "bob"));

        assertThat(s.shifts(z("2026-10-24T07:00:00Z"), z("2026-10-26T08:00:00Z")))
                .containsExactly(
                        new Shift("alice", z("2026-10-24T07:00:00Z"), z("2026-10-25T08:00:00Z")),
                        new Shift("bob", z("2026-10-25T08:00:00Z"), z("2026-10-26T08:00:00Z")));
        assertThat(s.onCallAt(z("2026-10-25T07:59:59Z"))).contains("alice");
    }

    @Test
    void aHandOffInsideTheSpringForwardGapHappensWhenTheClocksJump() {
        Layer l = layer(new Rotation.Daily(), "02:30", BERLIN, "2026-03-28", "alice", "bob", "carol");

        assertThat(l.handoff(0)).isEqualTo(z("2026-03-28T01:30:00Z")); // 02:30 CET
        assertThat(l.handoff(1)).isEqualTo(z("2026-03-29T01:00:00Z")); // 02:00 CET became 03:00 CEST
        assertThat(l.handoff(2)).isEqualTo(z("2026-03-30T00:30:00Z")); // 02:30 CEST
        assertThat(l.memberAt(z("2026-03-29T00:59:59Z"))).contains("alice");
        assertThat(l.memberAt(z("2026-03-29T01:00:00Z"))).contains("bob");
    }

    @Test
    void aHandOffInsideTheFallBackOverlapHappensAtTheFirstOfTheTwoIdenticalTimes() {
        Layer l = layer(new Rotation.Daily(), "02:30", BERLIN, "2026-10-24", "alice", "bob");

        assertThat(l.handoff(1)).isEqualTo(z("2026-10-25T00:30:00Z")); // 02:30 CEST, not 02:30 CET an hour later
        assertThat(l.memberAt(z("2026-10-25T01:30:00Z"))).contains("bob"); // 02:30 CET, the second one
        assertThat(l.handoff(2)).isEqualTo(z("2026-10-26T01:30:00Z")); // 02:30 CET
    }

    @Test
    void weeklyNewYorkRotationHandsOffMondaysAtNineLocalAcrossBothChanges() {
        Layer l = layer(new Rotation.Weekly(DayOfWeek.MONDAY), "09:00", NEW_YORK, "2026-03-02", "alice", "bob");

        assertThat(l.handoff(0)).isEqualTo(z("2026-03-02T14:00:00Z")); // EST
        assertThat(l.handoff(1)).isEqualTo(z("2026-03-09T13:00:00Z")); // EDT since 8 March
        assertThat(l.memberAt(z("2026-03-09T12:59:59Z"))).contains("alice");
        assertThat(l.memberAt(z("2026-03-09T13:00:00Z"))).contains("bob");

        Schedule s = schedule(l);
        assertThat(s.shifts(z("2026-10-26T13:00:00Z"), z("2026-11-09T14:00:00Z")))
                .extracting(Shift::start, Shift::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(z("2026-10-26T13:00:00Z"), z("2026-11-02T14:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(z("2026-11-02T14:00:00Z"), z("2026-11-09T14:00:00Z")));
    }

    @Test
    void customTwelveHourTurnsStayAtNineAndTwentyOneLocalSoTheNightOfTheChangeIsShorter() {
        Layer l = layer(new Rotation.Custom(Duration.ofHours(12)), "09:00", BERLIN, "2026-03-28", "day", "night");

        assertThat(List.of(l.handoff(0), l.handoff(1), l.handoff(2), l.handoff(3)))
                .containsExactly(
                        z("2026-03-28T08:00:00Z"),
                        z("2026-03-28T20:00:00Z"),
                        z("2026-03-29T07:00:00Z"),
                        z("2026-03-29T19:00:00Z"));
        assertThat(l.memberAt(z("2026-03-29T06:59:00Z"))).contains("night");
        assertThat(l.memberAt(z("2026-03-29T07:00:00Z"))).contains("day");
    }

    @Test
    void weeklyRotationStartingMidweekBeginsAtTheFirstHandOffWeekdayAcrossTheYearEnd() {
        Layer l = layer(new Rotation.Weekly(DayOfWeek.MONDAY), "09:00", ZoneId.of("UTC"), "2026-12-30", "a", "b");

        assertThat(l.memberAt(z("2027-01-04T08:59:59Z"))).isEmpty();
        assertThat(l.memberAt(z("2027-01-04T09:00:00Z"))).contains("a");
        assertThat(l.memberAt(z("2027-01-11T09:00:00Z"))).contains("b");
        assertThat(schedule(l).gaps(z("2026-12-31T00:00:00Z"), z("2027-01-05T00:00:00Z")))
                .containsExactly(new Interval(z("2026-12-31T00:00:00Z"), z("2027-01-04T09:00:00Z")));
    }

    @Test
    void dailyRotationCountsTwentyNinthOfFebruaryAsADay() {
        Layer l = layer(new Rotation.Daily(), "00:00", ZoneId.of("UTC"), "2028-02-27", "a", "b", "c");

        assertThat(l.memberAt(z("2028-02-28T12:00:00Z"))).contains("b");
        assertThat(l.memberAt(z("2028-02-29T12:00:00Z"))).contains("c");
        assertThat(l.memberAt(z("2028-03-01T12:00:00Z"))).contains("a");
        assertThat(l.memberAt(z("2028-12-31T23:59:59Z"))).contains("c"); // turn 308 (2028 has 366 days)
        assertThat(l.memberAt(z("2029-01-01T00:00:00Z"))).contains("a");
    }

    @Test
    void weeklyRotationStartingOnTwentyNinthOfFebruaryHandsOffOnItsWeekday() {
        Layer l = layer(new Rotation.Weekly(DayOfWeek.TUESDAY), "09:00", BERLIN, "2028-02-29", "a", "b");

        assertThat(l.handoff(0)).isEqualTo(z("2028-02-29T08:00:00Z"));
        assertThat(l.handoff(1)).isEqualTo(z("2028-03-07T08:00:00Z"));
        assertThat(l.handoff(5)).isEqualTo(z("2028-04-04T07:00:00Z")); // CEST since 26 March 2028
    }

    @Test
    void nobodyIsOnCallBeforeTheFirstHandOff() {
        Layer l = layer(new Rotation.Daily(), "09:00", BERLIN, "2026-03-29", "alice");

        assertThat(l.memberAt(z("2026-03-29T06:59:59Z"))).isEmpty();
        assertThat(l.memberAt(z("2026-03-29T07:00:00Z"))).contains("alice");
    }

    @Test
    void aSingleMemberRotationIsOneShift() {
        Schedule s = schedule(layer(new Rotation.Daily(), "09:00", BERLIN, "2026-01-01", "alice"));

        assertThat(s.shifts(z("2026-03-01T00:00:00Z"), z("2026-04-01T00:00:00Z")))
                .containsExactly(new Shift("alice", z("2026-03-01T00:00:00Z"), z("2026-04-01T00:00:00Z")));
        assertThat(s.gaps(z("2026-03-01T00:00:00Z"), z("2026-04-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void longAgoAndFarAheadAreAnsweredWithoutWalkingEveryTurn() {
        Layer l = layer(new Rotation.Custom(Duration.ofHours(1)), "00:00", BERLIN, "2000-01-01", "a", "b", "c");

        assertThat(l.turn(z("2100-01-01T00:00:00Z"))).isGreaterThan(800_000);
        assertThat(l.memberAt(z("2100-01-01T00:00:00Z")))
                .isEqualTo(Optional.of(
                        l.memberAt(l.handoff(l.turn(z("2100-01-01T00:00:00Z")))).orElseThrow()));
    }
}
