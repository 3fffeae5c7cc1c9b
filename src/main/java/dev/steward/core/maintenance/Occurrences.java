package dev.steward.core.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Expands one window into its occurrences, applying the DST rule of {@link LocalTimes} and an early end. */
final class Occurrences {
    /**
     * How far before a range the local expansion starts: a UTC offset change never moves a local time by more than
     * this, so no occurrence that resolves into the range is missed.
     */
    static final Duration MARGIN = Duration.ofHours(3);
    /** A bound on the occurrences of one window per query, so that "* * * * *" over a year cannot exhaust memory. */
    static final int LIMIT = 10_000;

    private Occurrences() {}

    /** The occurrences that overlap [{@code from}, {@code to}), by start. */
    static List<Occurrence> overlapping(MaintenanceWindow w, Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        switch (w.schedule()) {
            case Schedule.OneOff o ->
                ended(w, o.start(), o.end())
                        .filter(occ -> occ.start().isBefore(to) && occ.end().isAfter(from))
                        .ifPresent(out::add);
            case Schedule.Recurring r -> expand(w, r, from, to, out);
        }
        return out;
    }

    /** The first occurrence that starts strictly after {@code after}. */
    static Optional<Occurrence> firstStartAfter(MaintenanceWindow w, Instant after) {
        return switch (w.schedule()) {
            case Schedule.OneOff o ->
                ended(w, o.start(), o.end()).filter(occ -> occ.start().isAfter(after));
            case Schedule.Recurring r -> {
                LocalDateTime cursor = LocalDateTime.ofInstant(after.minus(MARGIN), r.zone());
                for (int i = 0; i < LIMIT; i++) {
                    Optional<LocalDateTime> next = r.nextLocalStart(cursor);
                    if (next.isEmpty()) {
                        yield Optional.empty();
                    }
                    cursor = next.get();
                    Instant start = LocalTimes.resolve(cursor, r.zone());
                    if (start.isAfter(after)) {
                        yield ended(w, start, start.plus(r.duration()));
                    }
                }
                yield Optional.empty();
            }
        };
    }

    /** Occurrences of a recurring window that start before {@code to} and end after {@code from}. */
    private static void expand(
            MaintenanceWindow w, Schedule.Recurring r, Instant from, Instant to, List<Occurrence> out) {
        LocalDateTime cursor = LocalDateTime.ofInstant(from.minus(r.duration()).minus(MARGIN), r.zone());
        Instant previous = null;
        while (out.size() < LIMIT) {
            Optional<LocalDateTime> next = r.nextLocalStart(cursor);
            if (next.isEmpty()) {
                return;
            }
            cursor = next.get();
            Instant start = LocalTimes.resolve(cursor, r.zone());
            if (!start.isBefore(to)) {
                return;
            }
            if (start.equals(previous)) {
                continue; // several local times in a DST gap resolve to the same instant: one occurrence
            }
            previous = start;
            Optional<Occurrence> occ = ended(w, start, start.plus(r.duration()));
            if (occ.isEmpty()) {
                return; // ended early: no later occurrence opens
            }
            if (occ.get().end().isAfter(from)) {
                out.add(occ.get());
            }
        }
    }

    /** The occurrence as an early end leaves it: cut at {@code endedAt}, or none when it would start after. */
    private static Optional<Occurrence> ended(MaintenanceWindow w, Instant start, Instant end) {
        if (w.endedAt().isEmpty()) {
            return Optional.of(new Occurrence(w, start, end));
        }
        Instant endedAt = w.endedAt().get();
        if (!start.isBefore(endedAt)) {
            return Optional.empty();
        }
        return Optional.of(new Occurrence(w, start, end.isAfter(endedAt) ? endedAt : end));
    }
}
