package dev.steward.core.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where public incidents are kept. {@link #save} is durable when it returns: a published update is never lost by a
 * restart. Implemented in memory and by {@code dev.steward.store.jdbc}; both pass the same contract tests.
 */
public interface StatusPageStore {

    /** Stores the incident as it is now (a new one, or a later version of a stored one). */
    void save(PublicIncident incident);

    Optional<PublicIncident> get(String id);

    /** Drafts and open incidents, oldest first. */
    List<PublicIncident> active();

    /** Incidents resolved at or after {@code since}, newest first. */
    List<PublicIncident> resolvedSince(Instant since);
}
