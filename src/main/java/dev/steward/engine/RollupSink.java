package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.rollup.RollupAccumulator;
import dev.steward.core.rollup.RollupStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accumulates every result into 1-minute and 1-hour rollups; {@link #flush} saves the completed buckets (called every
 * minute by the daemon), {@link #flushAll} saves the open ones too (at shutdown; the store merges them with the rest
 * of their bucket after the restart).
 */
public final class RollupSink implements ResultSink {
    private final RollupAccumulator accumulator = new RollupAccumulator();
    private final RollupStore store;

    public RollupSink(RollupStore store) {
        this.store = store;
    }

    @Override
    public void accept(CheckConfig check, ProbeResult result, CheckState state, Optional<CheckStatusChanged> change) {
        synchronized (accumulator) {
            accumulator.record(check.id(), result.at(), result.success(), result.latency());
        }
    }

    public int flush(Instant now) {
        List<Rollup> done;
        synchronized (accumulator) {
            done = accumulator.drainCompleted(now);
        }
        if (!done.isEmpty()) {
            store.save(done);
        }
        return done.size();
    }

    public int flushAll() {
        List<Rollup> all;
        synchronized (accumulator) {
            all = accumulator.drainAll();
        }
        if (!all.isEmpty()) {
            store.save(all);
        }
        return all.size();
    }
}
