package dev.steward.core.silence;

import java.util.List;

/**
 * Where silences are kept. Silences are never deleted by the API (expiring one only moves its end), so the store only
 * needs to load everything and write a silence by id; {@link #remove} serves garbage collection of long-expired ones.
 */
public interface SilenceStore {
    /** Every stored silence, in the order they were first saved. */
    List<Silence> loadAll();

    /** Inserts the silence or replaces the one with the same id. */
    void save(Silence silence);

    /** Removes the silence with this id; nothing happens when there is none. */
    void remove(String id);
}
