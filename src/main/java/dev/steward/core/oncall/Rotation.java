package dev.steward.core.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a layer hands off to its next member. Turns are counted in local wall-clock time, never in elapsed time,
 * so a 09:00 hand-off stays at 09:00 local across daylight-saving changes and the turn that spans the change is an
 * hour shorter or longer (23 h or 25 h for a daily rotation). A custom rotation ({@code every: 12h}) also steps in
 * wall-clock time: 09:00 and 21:00 stay 09:00 and 21:00.
 */
public sealed interface Rotation {
    /** The shortest custom turn: anything shorter could fall inside one daylight-saving gap. */
    Duration MIN_EVERY = Duration.ofHours(1);

    /** The length of one turn in wall-clock seconds. */
    long stepSeconds();

    /** The date of the first hand-off on or after {@code start}. */
    LocalDate firstHandoff(LocalDate start);

    record Daily() implements Rotation {
        @Override
        public long stepSeconds() {
            return Duration.ofDays(1).toSeconds();
        }

        @Override
        public LocalDate firstHandoff(LocalDate start) {
            return start;
        }
    }

    /** Hands off once a week on {@code day}. */
    record Weekly(DayOfWeek day) implements Rotation {
        @Override
        public long stepSeconds() {
            return Duration.ofDays(7).toSeconds();
        }

        @Override
        public LocalDate firstHandoff(LocalDate start) {
            return start.with(TemporalAdjusters.nextOrSame(day));
        }
    }

    /** Hands off every {@code every} of wall-clock time, at least one hour, whole seconds. */
    record Custom(Duration every) implements Rotation {
        public Custom {
            if (every.compareTo(MIN_EVERY) < 0 || every.getNano() != 0) {
                throw new IllegalArgumentException("rotation every " + every + ": expected whole seconds, >= 1h");
            }
        }

        @Override
        public long stepSeconds() {
            return every.toSeconds();
        }

        @Override
        public LocalDate firstHandoff(LocalDate start) {
            return start;
        }
    }
}
