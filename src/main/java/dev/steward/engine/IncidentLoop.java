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

    /**
     * Where pages go: resolves targets to channels and stores one outbox entry per channel (in the caller's
     * transaction); returns what to do once that transaction committed (start delivering), so that nothing is sent
     * for a decision that was not stored.
     */
    @FunctionalInterface
    public interface Pager {
        Runnable send(List<Page> pages, Instant now);
    }

    /** Runs its argument in one database transaction, so pages and incidents are stored all or nothing. */
    @FunctionalInterface
    public interface Atomic {
        void run(Runnable work);
    }

    private final IncidentStore store;
    private final Atomic atomic;
    private final Pager pager;
    private final Supplier<String> newId;
    private final Map<String, Incident> open = new LinkedHashMap<>();
    private volatile IncidentPolicy policy;
    private volatile HoldOracle holds;

    public IncidentLoop(
            IncidentStore store,
            Atomic atomic,
            IncidentPolicy policy,
            HoldOracle holds,
            Pager pager,
            Supplier<String> newId) {
        this.store = store;
        this.atomic = atomic;
        this.policy = policy;
        this.holds = holds;
        this.pager = pager;
        this.newId = newId;
        for (Incident i : store.loadOpen()) {
            open.put(i.id(), i);
            byGroup.put(groupKey(i.group(), i.receiver()), i);
        }
        LOG.info("loaded {} open incidents", open.size());
    }

    /** A reload: new severities and policies for new incidents; open ones keep theirs (frozen). */
    public void configure(IncidentPolicy next, HoldOracle nextHolds) {
        this.policy = next;
        this.holds = nextHolds;
    }

    /**
     * Route notifications, decided one after the other (each sees the incidents the previous ones opened) in chunks of
     * {@value #CHUNK}: each chunk is decided and stored in one transaction under the lock, which is released between
     * chunks, so a storm of thousands of groups costs neither a transaction per group nor one long pause for commands
     * and ticks. When storing a chunk fails, none of its decisions happened (the in-memory state is put back) and the
     * rest is not attempted: the groups notify again and are decided again.
     */
    public void onNotifications(List<Notification> notifications, Instant now) {
        for (int from = 0; from < notifications.size(); from += CHUNK) {
            decideAndStore(notifications.subList(from, Math.min(notifications.size(), from + CHUNK)), now);
        }
    }

    static final int CHUNK = 50;

    private synchronized void decideAndStore(List<Notification> notifications, Instant now) {
        Map<String, Optional<Incident>> openUndo = new LinkedHashMap<>();
        Map<String, Optional<Incident>> groupUndo = new LinkedHashMap<>();
        List<IncidentStep> batch = new ArrayList<>();
        try {
            for (Notification n : notifications) {
                List<Incident> mine = new ArrayList<>(1);
                Incident current = byGroup.get(groupKey(n.group(), n.receiver()));
                if (current != null) {
                    mine.add(current);
                }
                IncidentStep step = policy.onNotification(n, new IncidentContext(mine, holds, newId), now);
                if (!step.isEmpty()) {
                    for (Incident i : step.incidents()) {
                        openUndo.putIfAbsent(i.id(), Optional.ofNullable(open.get(i.id())));
                        String key = groupKey(i.group(), i.receiver());
                        groupUndo.putIfAbsent(key, Optional.ofNullable(byGroup.get(key)));
                    }
                    remember(step);
                    batch.add(step);
                }
            }
            persist(batch, now);
        } catch (RuntimeException e) {
            openUndo.forEach((id, before) -> before.ifPresentOrElse(i -> open.put(id, i), () -> open.remove(id)));
            groupUndo.forEach(
                    (key, before) -> before.ifPresentOrElse(i -> byGroup.put(key, i), () -> byGroup.remove(key)));
            throw e;
        }
    }

    private final Map<String, Incident> byGroup = new LinkedHashMap<>();

    private static String groupKey(dev.steward.core.route.GroupKey group, String receiver) {
        return group + "\u0000" + receiver;
    }

    private void persist(List<IncidentStep> steps, Instant now) {
        if (steps.isEmpty()) {
            return;
        }
        List<Page> pages = new ArrayList<>();
        Map<String, Incident> incidents = new LinkedHashMap<>();
        for (IncidentStep step : steps) {
            pages.addAll(step.pages());
            step.incidents().forEach(i -> incidents.put(i.id(), i));
        }
        Runnable[] afterCommit = {() -> {}};
        atomic.run(() -> {
            if (!pages.isEmpty()) {
                afterCommit[0] = pager.send(pages, now);
            }
            store.saveAll(incidents.values());
        });
        afterCommit[0].run();
    }

    /** Updates the open incidents and the index by group after a step. */
    private void remember(IncidentStep step) {
        for (Incident i : step.incidents()) {
            String key = groupKey(i.group(), i.receiver());
            if (!open.containsKey(i.id()) && i.isOpen()) {
                LOG.info("incident {} opened: {} ({}, group {})", i.id(), i.title(), i.stateName(), key);
            } else if (open.containsKey(i.id()) && !i.isOpen()) {
                LOG.info("incident {} resolved: {}", i.id(), i.title());
            }
            if (i.isOpen()) {
                open.put(i.id(), i);
                byGroup.put(key, i);
            } else {
                open.remove(i.id());
                Incident indexed = byGroup.get(key);
                if (indexed != null && indexed.id().equals(i.id())) {
                    byGroup.remove(key);
                }
            }
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

    private void apply(IncidentStep step, Instant now) {
        if (step.isEmpty()) {
            return;
        }
        persist(List.of(step), now);
        remember(step);
    }
}
