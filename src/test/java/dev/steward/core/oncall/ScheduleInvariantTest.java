package dev.steward.core.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random schedules in zones with daylight-saving changes: the shifts and gaps of a range tile it exactly, agree with
 * {@link Schedule#onCallAt} at random instants, and every turn of a layer starts where the previous one ends.
 */
class ScheduleInvariantTest {
    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), // a 30-minute daylight-saving shift
            ZoneId.of("Pacific/Apia"), // skipped 30 December 2011 entirely
            ZoneId.of("UTC"));

    static LongStream seeds() {
        long base = System.nanoTime();
        return LongStream.range(0, 40).map(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shiftsAndGapsTileTheRangeAndAgreeWithOnCallAt(long seed) {
        Random random = new Random(seed);
        Schedule s = randomSchedule(random);
        Instant from = Instant.parse("2011-12-20T00:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 365 * 17)));
        Instant to = from.plus(Duration.ofHours(1 + random.nextInt(24 * 30)));

        List<Interval> pieces = new ArrayList<>();
        s.shifts(from, to).forEach(x -> pieces.add(new Interval(x.start(), x.end())));
        pieces.addAll(s.gaps(from, to));
        pieces.sort((a, b) -> a.start().compareTo(b.start()));
        assertThat(pieces.getFirst().start()).as("seed %d", seed).isEqualTo(from);
        assertThat(pieces.getLast().end()).as("seed %d", seed).isEqualTo(to);
        for (int i = 1; i < pieces.size(); i++) {
            assertThat(pieces.get(i).start())
                    .as("seed %d", seed)
                    .isEqualTo(pieces.get(i - 1).end());
        }
        for (int i = 0; i < 50; i++) {
            Instant t = from.plusSeconds(
                    (long) (random.nextDouble() * Duration.between(from, to).toSeconds()));
            Optional<String> expected = s.shifts(from, to).stream()
                    .filter(x -> !t.isBefore(x.start()) && t.isBefore(x.end()))
                    .map(Shift::person)
                    .findFirst();
            assertThat(s.onCallAt(t)).as("seed %d at %s", seed, t).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTurnRunningAtAnInstantStartedAtOrBeforeItAndEndsAfterIt(long seed) {
        Random random = new Random(seed);
        Layer layer = randomLayer(random, ZONES.get(random.nextInt(ZONES.size())));
        for (int i = 0; i < 100; i++) {
            Instant t =
                    Instant.parse("2011-01-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 366 * 18)));
            long k = layer.turn(t);
            if (k < 0) {
                assertThat(t).as("seed %d", seed).isBefore(layer.handoff(0));
                continue;
            }
            assertThat(layer.handoff(k)).as("seed %d at %s", seed, t).isBeforeOrEqualTo(t);
            assertThat(layer.handoff(k + 1)).as("seed %d at %s", seed, t).isAfter(t);
        }
    }

    static Schedule randomSchedule(Random random) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        List<Layer> layers = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            layers.add(randomLayer(random, zone));
        }
        List<ScheduleOverride> overrides = new ArrayList<>();
        if (random.nextBoolean()) {
            Instant start = Instant.parse("2012-01-01T00:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 365 * 16)));
            overrides.add(new ScheduleOverride("olga", start, start.plus(Duration.ofHours(1 + random.nextInt(72)))));
        }
        return new Schedule("s", zone, layers, overrides);
    }

    static Layer randomLayer(Random random, ZoneId zone) {
        Rotation rotation = switch (random.nextInt(3)) {
            case 0 -> new Rotation.Daily();
            case 1 -> new Rotation.Weekly(DayOfWeek.of(1 + random.nextInt(7)));
            default -> new Rotation.Custom(Duration.ofMinutes(60 + 30L * random.nextInt(60)));
        };
        List<Restriction> restrictions = random.nextInt(3) == 0
                ? List.of(new Restriction(
                        EnumSet.of(DayOfWeek.of(1 + random.nextInt(7)), DayOfWeek.of(1 + random.nextInt(7))),
                        LocalTime.of(random.nextInt(24), 30 * random.nextInt(2)),
                        LocalTime.of(random.nextInt(24), 30 * random.nextInt(2))))
                : List.of();
        List<String> members = List.of("a", "b", "c", "d").subList(0, 1 + random.nextInt(4));
        return new Layer(
                "l",
                members,
                rotation,
                LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)),
                zone,
                LocalDate.of(2011, 1, 1).plusDays(random.nextInt(365 * 17)),
                restrictions);
    }
}
