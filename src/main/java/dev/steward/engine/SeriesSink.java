package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.check.ProbeSeries;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.series.Labels;
import dev.steward.core.series.SeriesStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/** Writes every probe result into the series store as blackbox-compatible series, at the probe's start time. */
public final class SeriesSink implements ResultSink {
    private final SeriesStore store;
    private final Function<CheckConfig, Labels> labelsOf;
    private final Map<CheckId, Labels> baseLabels = new ConcurrentHashMap<>();
    private final LongAdder rejected = new LongAdder();

    /** {@code labelsOf} gives the labels every series of a check carries (stack, service, check and its own). */
    public SeriesSink(SeriesStore store, Function<CheckConfig, Labels> labelsOf) {
        this.store = store;
        this.labelsOf = labelsOf;
    }

    @Override
    public void accept(CheckConfig check, ProbeResult result, CheckState state, Optional<CheckStatusChanged> change) {
        Labels base = baseLabels.computeIfAbsent(check.id(), id -> labelsOf.apply(check));
        long t = result.at().toEpochMilli();
        for (ProbeSeries.Point p : ProbeSeries.points(base, result, state)) {
            if (!store.append(p.labels(), t, p.value()).appended()) {
                rejected.increment();
            }
        }
    }

    /** Forgets cached labels (after a reload, labels may have changed). */
    public void reset() {
        baseLabels.clear();
    }

    public long rejected() {
        return rejected.sum();
    }
}
