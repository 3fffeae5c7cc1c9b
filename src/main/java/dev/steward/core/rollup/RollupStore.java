package dev.steward.core.rollup;

import dev.steward.core.config.CheckId;
import java.time.Instant;
import java.util.List;

/**
 * Where rollups are kept. Implemented by {@link InMemoryRollupStore} and by {@code dev.steward.store.jdbc}; both pass
 * the same contract tests. Safe to call from several threads at once.
 */
public interface RollupStore {

    /**
     * Adds the rollups, each {@link Rollup#merge merged} into the stored rollup of the same bucket if there is one (so
     * a bucket saved in parts, for example before and after a restart, adds up). Concurrent saves of the same bucket
     * all count. All or nothing: when this throws, none of the rollups was saved.
     */
    void save(List<Rollup> rollups);

    /** The check's rollups of {@code resolution} with {@code from <= bucketStart < to}, oldest first. */
    List<Rollup> query(CheckId check, Resolution resolution, Instant from, Instant to);

    /**
     * The probes and failures of every check's rollups of {@code resolution} with {@code from <= bucketStart < to},
     * added up: {@code [probes, failures]}.
     */
    long[] totals(Resolution resolution, Instant from, Instant to);

    /** Deletes every rollup of {@code resolution} (all checks) whose bucket starts before {@code before}. */
    int deleteBefore(Resolution resolution, Instant before);
}
