package dev.steward.core.incident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where incidents are kept: the current incident, and its timeline as an append-only list. Whatever a call of {@link
 * #save} wrote is durable when it returns, so the pages of a step go to the outbox only after their incident is
 * saved, and a restart resumes every open incident ({@link #loadOpen}). A store may keep the instants of timeline
 * entries to the millisecond only (the SQL store does); everything else comes back equal.
 */
public interface IncidentStore {
    /**
     * Inserts the incident or replaces the stored one with the same id, and appends the timeline entries the store does
     * not have yet.
     *
     * @throws IllegalArgumentException when the incident's timeline is shorter than the stored one (it is append-only)
     */
    default void save(Incident incident) {
        saveAll(List.of(incident));
    }

    /** As {@link #save} for each, all or none (one transaction): one step of the policy at a time. */
    void saveAll(Collection<Incident> incidents);

    /** Every incident not resolved, with its timeline, oldest first. */
    List<Incident> loadOpen();

    /** The incident with its whole timeline. */
    Optional<Incident> get(String id);

    /** A page of incidents matching {@code query}, newest first, without their timelines ({@link #get} has it). */
    List<Incident> list(IncidentQuery query);
}
