package dev.steward.core.incident;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of the incident list, newest first (by opening instant, then id).
 *
 * @param state a state name ({@code held}, {@code triggered}, {@code acknowledged}, {@code snoozed}, {@code
 *     resolved}), or any
 * @param service only this service's incidents, or any
 * @param since only incidents opened at or after this instant, or any
 * @param limit at most this many (1 to {@value #MAX_LIMIT})
 * @param offset skip this many first
 */
public record IncidentQuery(
        Optional<String> state, Optional<String> service, Optional<Instant> since, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;

    public IncidentQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + ": expected 1 to " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset + ": expected 0 or more");
        }
    }

    /** The first {@code limit} incidents, whatever their state, service or age. */
    public static IncidentQuery all(int limit) {
        return new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit, 0);
    }

    public IncidentQuery withState(String value) {
        return new IncidentQuery(Optional.of(value), service, since, limit, offset);
    }

    public IncidentQuery withService(String value) {
        return new IncidentQuery(state, Optional.of(value), since, limit, offset);
    }

    public IncidentQuery withSince(Instant value) {
        return new IncidentQuery(state, service, Optional.of(value), limit, offset);
    }

    public IncidentQuery page(int newLimit, int newOffset) {
        return new IncidentQuery(state, service, since, newLimit, newOffset);
    }

    /** Whether {@code incident} passes the filters (paging aside). */
    public boolean matches(Incident incident) {
        return state.map(s -> s.equals(incident.stateName())).orElse(true)
                && service.map(s -> s.equals(incident.service())).orElse(true)
                && since.map(s -> !incident.openedAt().isBefore(s)).orElse(true);
    }
}
