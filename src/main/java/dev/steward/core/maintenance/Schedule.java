package dev.steward.core.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** When a window is open: once, on days of the week, or by a cron expression. */
public sealed interface Schedule {

    /** A single window from {@code start} (inclusive) to {@code end} (exclusive). */
    record OneOff(Instant start, Instant end) implements Schedule {}

    /** Every {@code days} at the local time {@code at} in {@code zone}, for {@code duration}. */
    record Weekly(Set<DayOfWeek> days, LocalTime at, Duration duration, ZoneId zone) implements Recurring {
        public Weekly {
            days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        }

        @Override
        public Optional<LocalDateTime> nextLocalStart(LocalDateTime after) {
            LocalDateTime candidate = after.toLocalDate().atTime(at);
            for (int i = 0; i <= 7; i++) {
                if (candidate.isAfter(after) && days.contains(candidate.getDayOfWeek())) {
                    return Optional.of(candidate);
                }
                candidate = candidate.plusDays(1);
            }
            return Optional.empty();
        }
    }

    /** At every local minute that {@code rule} matches in {@code zone}, for {@code duration}. */
    record Cron(CronRule rule, Duration duration, ZoneId zone) implements Recurring {
        @Override
        public Optional<LocalDateTime> nextLocalStart(LocalDateTime after) {
            return rule.nextAfter(after);
        }
    }

    /** A schedule expanded in local wall-clock time and resolved to instants by {@link LocalTimes}. */
    sealed interface Recurring extends Schedule {
        Duration duration();

        ZoneId zone();

        /** The first local start strictly after {@code after}. */
        Optional<LocalDateTime> nextLocalStart(LocalDateTime after);
    }
}
