package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An alert as routing sees it: its labels (its identity), when it started and, once known, when it ends, and its
 * annotations (summary, description, runbook_url, value...), which routing ignores and notifications show. An alert
 * whose {@code endsAt} is at or before {@code now} is resolved.
 */
public record Alert(Labels labels, Instant startsAt, Optional<Instant> endsAt, Map<String, String> annotations) {
    public Alert {
        annotations = Map.copyOf(annotations);
    }

    public Alert(Labels labels, Instant startsAt, Optional<Instant> endsAt) {
        this(labels, startsAt, endsAt, Map.of());
    }

    public static Alert firing(Labels labels, Instant startsAt) {
        return new Alert(labels, startsAt, Optional.empty(), Map.of());
    }

    public Alert withAnnotations(Map<String, String> annotations) {
        return new Alert(labels, startsAt, endsAt, annotations);
    }

    public Alert resolvedAt(Instant at) {
        return new Alert(labels, startsAt, Optional.of(at), annotations);
    }

    public boolean resolved(Instant now) {
        return endsAt.isPresent() && !endsAt.get().isAfter(now);
    }
}
