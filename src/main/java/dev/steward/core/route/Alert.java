package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Optional;

/**
 * An alert as routing sees it: its labels (its identity), when it started and, once known, when it ends. An alert
 * whose {@code endsAt} is at or before {@code now} is resolved.
 */
public record Alert(Labels labels, Instant startsAt, Optional<Instant> endsAt) {
    public static Alert firing(Labels labels, Instant startsAt) {
        return new Alert(labels, startsAt, Optional.empty());
    }

    public Alert resolvedAt(Instant at) {
        return new Alert(labels, startsAt, Optional.of(at));
    }

    public boolean resolved(Instant now) {
        return endsAt.isPresent() && !endsAt.get().isAfter(now);
    }
}
