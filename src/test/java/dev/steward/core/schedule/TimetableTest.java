package dev.steward.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimetableTest {
    private static final Instant T = Instant.parse("2026-03-29T00:59:59Z"); // the night clocks change in Europe

    @Test
    void pollsDueKeysEarliestFirstAndKeepsTheRest() {
        Timetable<String> t = new Timetable<>();
        t.schedule("b", T.plusSeconds(2));
        t.schedule("a", T.plusSeconds(1));
        t.schedule("c", T.plusSeconds(10));
        assertThat(t.pollDue(T.plusSeconds(5))).extracting(Timetable.Due::key).containsExactly("a", "b");
        assertThat(t.nextDue()).contains(T.plusSeconds(10));
        assertThat(t.size()).isEqualTo(1);
    }

    @Test
    void reschedulingReplacesTheEarlierEntry() {
        Timetable<String> t = new Timetable<>();
        t.schedule("a", T.plusSeconds(1));
        t.schedule("a", T.plusSeconds(20));
        assertThat(t.pollDue(T.plusSeconds(5))).isEmpty();
        assertThat(t.nextDue()).contains(T.plusSeconds(20));
        t.remove("a");
        assertThat(t.nextDue()).isEmpty();
    }

    @Test
    void jitterIsStableAndSpreadsChecksAcrossTheInterval() {
        Duration interval = Duration.ofSeconds(10);
        Set<Long> seconds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Instant due = Jitter.firstDue("svc/check-" + i, interval, T);
            assertThat(due).isBetween(T, T.plus(interval));
            assertThat(Jitter.firstDue("svc/check-" + i, interval, T)).isEqualTo(due);
            seconds.add(due.getEpochSecond());
        }
        assertThat(seconds).hasSizeGreaterThanOrEqualTo(10);
    }
}
