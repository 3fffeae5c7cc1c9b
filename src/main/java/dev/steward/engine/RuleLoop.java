package dev.steward.engine;

import dev.steward.core.rule.AlertEvent;
import dev.steward.core.rule.ForStateRestore;
import dev.steward.core.rule.GroupEvaluation;
import dev.steward.core.rule.GroupReload;
import dev.steward.core.rule.GroupState;
import dev.steward.core.rule.RuleGroup;
import dev.steward.core.rule.RuleGroupEvaluator;
import dev.steward.core.rule.RuleQuery;
import dev.steward.core.rule.RuleSample;
import dev.steward.core.rule.RuleSchedule;
import dev.steward.core.series.Labels;
import dev.steward.core.series.Sample;
import dev.steward.core.series.SeriesStore;
import dev.steward.core.series.StaleMarker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Evaluates rule groups at their scheduled instants (Prometheus's slots: the group's interval, offset by a hash of the
 * group), one evaluation per group at a time, on the executor. Outputs (recorded series, {@code ALERTS}, {@code
 * ALERTS_FOR_STATE}, stale markers) go to the series store as each rule finishes; alert events go to the listener. A
 * reload carries the state of unchanged rules over.
 */
public final class RuleLoop {
    private final SeriesStore store;
    private final RuleQuery query;
    private final RuleGroupEvaluator evaluator;
    private final Executor executor;
    private final Consumer<AlertEvent> events;
    private final Map<String, Entry> groups = new LinkedHashMap<>();
    private final Map<Labels, Sample> forState = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<Labels, Sample> restoreFrom = Map.of();
    private boolean configured;

    private static final class Entry {
        final RuleGroup group;
        GroupState state;
        Instant nextDue;
        boolean running;
        Optional<GroupEvaluation> last = Optional.empty();

        Entry(RuleGroup group, GroupState state, Instant nextDue) {
            this.group = group;
            this.state = state;
            this.nextDue = nextDue;
        }
    }

    /** A group with its latest evaluation, for the rules and alerts views. */
    public record GroupView(RuleGroup group, GroupState state, Optional<GroupEvaluation> last) {}

    public RuleLoop(
            SeriesStore store,
            RuleQuery query,
            LongSupplier nanoTicker,
            Executor executor,
            Consumer<AlertEvent> events) {
        this.store = store;
        this.query = query;
        this.evaluator = new RuleGroupEvaluator(nanoTicker, Map.of(), "");
        this.executor = executor;
        this.events = events;
    }

    static String key(RuleGroup g) {
        return g.file() + "\u0000" + g.name();
    }

    /**
     * The {@code ALERTS_FOR_STATE} samples saved before a restart: groups configured from now on restore the time their
     * pending alerts had spent pending, after their first evaluation, as Prometheus does.
     */
    public void restoreFrom(Map<Labels, Sample> saved) {
        restoreFrom = Map.copyOf(saved);
    }

    /** The latest {@code ALERTS_FOR_STATE} sample of every active alert, to be saved for the next start. */
    public Map<Labels, Sample> forState() {
        return Map.copyOf(forState);
    }

    /** Applies a new set of groups: same file and name keeps its state (rule by rule), others start fresh. */
    public synchronized void configure(List<RuleGroup> next, Instant now) {
        Map<String, Entry> old = new LinkedHashMap<>(groups);
        groups.clear();
        for (RuleGroup g : next) {
            Entry previous = old.remove(key(g));
            Entry entry;
            if (previous == null) {
                // only the groups of the first configuration (at start) restore; a group added by a reload is new
                GroupState initial =
                        restoreFrom.isEmpty() || configured ? GroupState.EMPTY : GroupState.AWAITING_RESTORE;
                entry = new Entry(g, initial, RuleSchedule.nextAfter(g, now));
            } else if (previous.group.equals(g)) {
                entry = previous;
            } else {
                GroupReload.Result carried = GroupReload.carryOver(previous.state, g, now);
                append(carried.staleMarkers());
                entry = new Entry(g, carried.state(), RuleSchedule.nextAfter(g, now));
                entry.last = previous.last;
            }
            groups.put(key(g), entry);
        }
        configured = true;
        for (Entry removed : old.values()) {
            GroupReload.Result gone = GroupReload.carryOver(
                    removed.state,
                    new RuleGroup(
                            removed.group.name(),
                            removed.group.file(),
                            removed.group.interval(),
                            removed.group.limit(),
                            removed.group.queryOffset(),
                            removed.group.labels(),
                            List.of()),
                    now);
            append(gone.staleMarkers());
        }
    }

    /** Starts every group evaluation due at {@code now}; returns how many. */
    public int runDue(Instant now) {
        List<Entry> due = new ArrayList<>();
        synchronized (this) {
            for (Entry e : groups.values()) {
                if (!e.running && !e.nextDue.isAfter(now)) {
                    e.running = true;
                    due.add(e);
                }
            }
        }
        for (Entry e : due) {
            executor.execute(() -> evaluate(e));
        }
        return due.size();
    }

    private void evaluate(Entry entry) {
        Instant slot;
        GroupState state;
        synchronized (this) {
            slot = entry.nextDue;
            state = entry.state;
        }
        GroupEvaluation result = evaluator.evaluate(entry.group, state, slot, query, this::append);
        GroupState next = state.restored()
                ? result.state()
                : ForStateRestore.restore(
                        entry.group, result.state(), restoreFrom, slot, ForStateRestore.Settings.PROMETHEUS);
        trackForState(result.samples());
        synchronized (this) {
            entry.state = next;
            entry.last = Optional.of(result);
            entry.nextDue = slot.plus(entry.group.interval());
            entry.running = false;
        }
        result.events().forEach(events);
    }

    private void trackForState(List<RuleSample> samples) {
        for (RuleSample s : samples) {
            if ("ALERTS_FOR_STATE".equals(s.labels().metricName())) {
                Labels key = s.labels().without("__name__");
                if (StaleMarker.isStaleMarker(s.value())) {
                    forState.remove(key);
                } else {
                    forState.put(key, new Sample(s.timestamp(), s.value()));
                }
            }
        }
    }

    private void append(List<RuleSample> samples) {
        for (RuleSample s : samples) {
            store.append(s.labels(), s.timestamp(), s.value());
        }
    }

    /**
     * Makes the groups of {@code file} due at {@code now} instead of at their next slot (the built-in check alerts
     * after a check changed state, so the page does not wait up to a whole interval); later evaluations follow on
     * from {@code now}. A group being evaluated is left alone.
     */
    public synchronized void evaluateSoon(String file, Instant now) {
        for (Entry e : groups.values()) {
            if (e.group.file().equals(file) && !e.running && e.nextDue.isAfter(now)) {
                e.nextDue = now;
            }
        }
    }

    public synchronized Optional<Instant> nextDue() {
        return groups.values().stream()
                .filter(e -> !e.running)
                .map(e -> e.nextDue)
                .min(Instant::compareTo);
    }

    public synchronized List<GroupView> groups() {
        List<GroupView> out = new ArrayList<>();
        groups.values().forEach(e -> out.add(new GroupView(e.group, e.state, e.last)));
        return out;
    }
}
