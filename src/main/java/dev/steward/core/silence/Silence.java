package dev.steward.core.silence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored silence. It mutes alerts matched by all its matchers from {@code startsAt} (inclusive) to {@code endsAt}
 * (exclusive). Alertmanager counts the instant {@code endsAt} itself as still active; Steward treats the range as
 * half-open so that a silence expired at {@code now} no longer mutes at {@code now}.
 */
public record Silence(
        String id,
        List<SilenceMatcher> matchers,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        Instant updatedAt) {
    public Silence {
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public SilenceState state(Instant now) {
        if (now.isBefore(startsAt)) {
            return SilenceState.PENDING;
        }
        return now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
    }

    Silence withTimes(Instant newStartsAt, Instant newEndsAt, Instant newUpdatedAt) {
        return new Silence(id, matchers, newStartsAt, newEndsAt, createdBy, comment, newUpdatedAt);
    }
}
