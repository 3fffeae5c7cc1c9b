package dev.steward.engine;

import dev.steward.core.incident.CommandOutcome;
import dev.steward.core.incident.HoldOracle;
import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentContext;
import dev.steward.core.incident.IncidentPolicy;
import dev.steward.core.incident.IncidentStep;
import dev.steward.core.incident.IncidentStore;
import dev.steward.core.incident.Page;
import dev.steward.core.route.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the open incidents at runtime: hands route notifications, the clock's ticks and operator commands to the pure
 * {@link IncidentPolicy}, and for every step stores the pages (outbox entries) and the incidents in one transaction,
 * so a crash leaves both or neither: a page is never lost, and an incident never pages without being stored. Open incidents are
 * loaded from the store at start, so escalation, acknowledgement timeouts and holds resume after a restart.
 */
public final class IncidentLoop {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentLoop.class);

    /** Where pages go: resolves targets to channels and stores one outbox entry per channel before returning. */
    @FunctionalInterface
    public interface Pager {
        void send(List<Page> pages, Instant now);
    }

    /** Runs its argument in one database transaction, so pages and incidents are stored all or nothing. */
    @FunctionalInterface
    public interface Atomic {
        void run(Runnable work);
    }

    private final IncidentStore store;
    private final Atomic atomic;
    private final LongSupplier ticker;
    private final Pager pager;
    private final Supplier<String> newId;
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private volatile IncidentPolicy policy;
    private volatile HoldOracle holds;
    private long maxStepNanos;

    public IncidentLoop(
            IncidentStore store,
            Atomic atomic,
            IncidentPolicy policy,
            HoldOracle holds,
            Pager pager,
            Supplier<String> newId,
            LongSupplier ticker) {
        this.store = store;
        this.atomic = atomic;
        this.ticker = ticker;
        this.policy = policy;
        this.holds = holds;
        this.pager = pager;
        this.newId = newId;
        for (Incident i : store.loadOpen()) {
            open.put(i.id(), i);
        }
        LOG.info("loaded {} open incidents", open.size());
    }

    /** A reload: new severities and policies for new incidents; open ones keep theirs (frozen). */
    public void configure(IncidentPolicy next, HoldOracle nextHolds) {
        this.policy = next;
        this.holds = nextHolds;
    }

    public synchronized void onNotifications(List<Notification> notifications, Instant now) {
        for (Notification n : notifications) {
            apply(policy.onNotification(n, new IncidentContext(open.values(), holds, newId), now), now);
        }
    }

    /** Escalations, acknowledgement timeouts, snooze ends and holds due at {@code now}. */
    public synchronized void tick(Instant now) {
        apply(policy.tick(List.copyOf(open.values()), holds, now), now);
    }

    /** When {@link #tick} next has something to do; holds change with check states, so callers also tick on those. */
    public synchronized Optional<Instant> nextDue() {
        return IncidentPolicy.nextDue(open.values());
    }

    /**
     * Applies an operator command to incident {@code id}; empty when there is no such incident. The command is decided
     * on the stored incident for a resolved one (only notes are legal there).
     */
    public synchronized Optional<CommandOutcome> command(
            String id, BiFunction<IncidentPolicy, Incident, CommandOutcome> command, Instant now) {
        Optional<Incident> incident = Optional.ofNullable(open.get(id)).or(() -> store.get(id));
        if (incident.isEmpty()) {
            return Optional.empty();
        }
        CommandOutcome outcome = command.apply(policy, incident.get());
        if (outcome instanceof CommandOutcome.Applied a) {
            apply(a.step(), now);
        }
        return Optional.of(outcome);
    }

    public synchronized List<Incident> openIncidents() {
        return List.copyOf(open.values());
    }

    public synchronized Optional<Incident> get(String id) {
        return Optional.ofNullable(open.get(id)).or(() -> store.get(id));
    }

    /** The longest a single step (decide, page, save) took, in nanoseconds, since start. */
    public synchronized long maxStepNanos() {
        return maxStepNanos;
    }

    private void apply(IncidentStep step, Instant now) {
        if (step.isEmpty()) {
            return;
        }
        long start = ticker.getAsLong();
        atomic.run(() -> {
            if (!step.pages().isEmpty()) {
                pager.send(step.pages(), now);
            }
            store.saveAll(step.incidents());
        });
        List<String> resolved = new ArrayList<>();
        for (Incident i : step.incidents()) {
            if (i.isOpen()) {
                open.put(i.id(), i);
            } else {
                open.remove(i.id());
                resolved.add(i.id());
            }
        }
        if (!resolved.isEmpty()) {
            LOG.info("resolved incidents {}", resolved);
        }
        maxStepNanos = Math.max(maxStepNanos, ticker.getAsLong() - start);
    }
}
