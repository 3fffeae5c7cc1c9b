package dev.steward.engine;

import dev.steward.core.check.CheckJudge;
import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatePolicy;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.StackConfig;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import dev.steward.core.schedule.Jitter;
import dev.steward.core.schedule.Timetable;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * Owns the timetable of every check. {@link #runDue} starts every due probe on the executor; when a probe finishes,
 * its result is judged, the check's state moves, sinks are told and the check is scheduled again. A check has at most
 * one probe in flight, so a hanging target delays only itself. State survives a {@link #configure} for every check
 * whose configuration did not change.
 */
public final class CheckLoop {
    private final InstantSource clock;
    private final LongSupplier nanoTicker;
    private final Prober<ProbeSpec> prober;
    private final Executor executor;
    private final List<ResultSink> sinks;
    private final SchedulerStats stats;
    private final Timetable<CheckId> timetable = new Timetable<>();
    private final Map<CheckId, Entry> entries = new LinkedHashMap<>();
    private final Object wakeup = new Object();
    /** Set by a wake-up, cleared when the scheduler's wait ends; guarded by {@code wakeup}. */
    private boolean woken;

    private long generation;

    private static final class Entry {
        final CheckConfig config;
        final long generation;
        CheckState state = CheckState.Unknown.INITIAL;
        Optional<ProbeResult> last = Optional.empty();
        boolean running;

        Entry(CheckConfig config, long generation) {
            this.config = config;
            this.generation = generation;
        }
    }

    public CheckLoop(
            InstantSource clock,
            LongSupplier nanoTicker,
            Prober<ProbeSpec> prober,
            Executor executor,
            List<ResultSink> sinks,
            SchedulerStats stats) {
        this.clock = clock;
        this.nanoTicker = nanoTicker;
        this.prober = prober;
        this.executor = executor;
        this.sinks = List.copyOf(sinks);
        this.stats = stats;
    }

    /**
     * Applies a (new) configuration: unchanged checks keep state, history and phase; new or changed checks start
     * UNKNOWN at their jittered phase; removed checks stop (a probe in flight for one is discarded).
     */
    public synchronized void configure(StackConfig stack, Instant now) {
        generation++;
        Map<CheckId, CheckConfig> wanted = new LinkedHashMap<>();
        stack.allChecks().forEach(c -> wanted.put(c.id(), c));
        entries.keySet().removeIf(id -> {
            boolean drop = !wanted.containsKey(id) || !wanted.get(id).equals(entries.get(id).config);
            if (drop) {
                timetable.remove(id);
            }
            return drop;
        });
        wanted.forEach((id, config) -> {
            if (!entries.containsKey(id)) {
                entries.put(id, new Entry(config, generation));
                timetable.schedule(id, Jitter.firstDue(id.toString(), config.interval(), now));
            }
        });
        wake();
    }

    /** Starts every probe due at {@code now}; returns how many were started. */
    public int runDue(Instant now) {
        List<Timetable.Due<CheckId>> due;
        synchronized (this) {
            due = timetable.pollDue(now);
        }
        int started = 0;
        for (Timetable.Due<CheckId> d : due) {
            Entry entry;
            synchronized (this) {
                entry = entries.get(d.key());
                if (entry == null) {
                    continue;
                }
                entry.running = true;
            }
            start(entry, d.at());
            started++;
        }
        return started;
    }

    private void start(Entry entry, Instant dueAt) {
        Runnable probe = () -> probe(entry, dueAt);
        try {
            executor.execute(probe);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                entry.running = false;
                timetable.schedule(entry.config.id(), dueAt.plus(entry.config.interval()));
            }
            stats.rejected();
        }
    }

    private void probe(Entry entry, Instant dueAt) {
        Instant started = clock.instant();
        stats.started(started);
        stats.lag(Duration.between(dueAt, started));
        long t0 = nanoTicker.getAsLong();
        ProbeObservation seen;
        try {
            seen = prober.probe(entry.config.probe(), entry.config.timeout());
        } catch (RuntimeException e) {
            Duration spent = Duration.ofNanos(nanoTicker.getAsLong() - t0);
            seen = ProbeObservation.failed(spent, Failure.of(FailureKind.PROTOCOL, "probe failed unexpectedly: " + e));
        }
        complete(entry, stamp(dueAt, started), seen);
    }

    /**
     * The time a result is recorded at: the scheduled instant when the probe started within {@link #ALIGN_TOLERANCE}
     * of it (regular timestamps compress to a fraction of a byte per sample, as Prometheus aligns scrape timestamps),
     * else the real start.
     */
    static Instant stamp(Instant dueAt, Instant started) {
        Duration lag = Duration.between(dueAt, started);
        return !lag.isNegative() && lag.compareTo(ALIGN_TOLERANCE) <= 0 ? dueAt : started;
    }

    static final Duration ALIGN_TOLERANCE = Duration.ofMillis(25);

    private void complete(Entry entry, Instant started, ProbeObservation seen) {
        ProbeResult result = CheckJudge.judge(entry.config, seen, started);
        CheckStatePolicy.Transition transition;
        synchronized (this) {
            if (entries.get(entry.config.id()) != entry) {
                return; // removed or replaced by a reload while the probe ran
            }
            transition = CheckStatePolicy.apply(entry.config, entry.state, result);
            entry.state = transition.state();
            entry.last = Optional.of(summary(result));
            entry.running = false;
            Instant next = started.plus(transition.nextDelay());
            Instant now = clock.instant();
            timetable.schedule(entry.config.id(), next.isBefore(now) ? now : next);
            stats.probed(result.success());
        }
        for (ResultSink sink : sinks) {
            sink.accept(entry.config, result, transition.state(), transition.event());
        }
        wake();
    }

    /** The latest result as kept for the status and {@code /metrics}: its facts, without body and headers. */
    private static ProbeResult summary(ProbeResult r) {
        return switch (r) {
            case ProbeResult.Passed p ->
                new ProbeResult.Passed(p.at(), p.latency(), p.observation().summary(), p.components());
            case ProbeResult.Failed f ->
                new ProbeResult.Failed(f.at(), f.latency(), f.observation().summary(), f.components(), f.failure());
        };
    }

    /** Restores a check's state (after a restart), if the check is configured and has no result yet. */
    public synchronized void restore(CheckId id, CheckState state) {
        Entry entry = entries.get(id);
        if (entry != null && entry.last.isEmpty()) {
            entry.state = state;
        }
    }

    public synchronized Optional<Instant> nextDue() {
        return timetable.nextDue();
    }

    public synchronized Map<CheckId, CheckSnapshot> snapshot() {
        Map<CheckId, CheckSnapshot> out = new LinkedHashMap<>();
        entries.forEach(
                (id, e) -> out.put(id, new CheckSnapshot(e.config, e.state, e.last, timetable.due(id), e.running)));
        return out;
    }

    public synchronized Map<CheckId, CheckState> states() {
        Map<CheckId, CheckState> out = new LinkedHashMap<>();
        entries.forEach((id, e) -> out.put(id, e.state));
        return out;
    }

    /**
     * Makes the checks of {@code services} due at {@code now} (those not being probed): at the end of a maintenance
     * window, what was in scope is looked at at once instead of at its next slot.
     */
    public void probeSoon(java.util.Collection<String> services, Instant now) {
        synchronized (this) {
            for (Entry e : entries.values()) {
                if (services.contains(e.config.service()) && !e.running) {
                    timetable.schedule(e.config.id(), now);
                }
            }
        }
        wake();
    }

    /** Wakes the scheduler thread (something else it runs, such as an alert rule, became due). */
    public void wakeUp() {
        wake();
    }

    /** Blocks the scheduler thread until the next due instant or until the timetable changes. */
    public void awaitNext(Duration max) throws InterruptedException {
        Instant now = clock.instant();
        Duration wait = nextDue().map(d -> Duration.between(now, d)).orElse(max);
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        synchronized (wakeup) {
            // a wake-up that came while the scheduler was running (not yet waiting) is not lost: it ends this wait
            if (!woken) {
                wakeup.wait(Math.max(1, wait.toMillis()));
            }
            woken = false;
        }
    }

    private void wake() {
        synchronized (wakeup) {
            woken = true;
            wakeup.notifyAll();
        }
    }
}
