package dev.steward.statuspage;

import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.statuspage.CommandOutcome;
import dev.steward.core.statuspage.ComponentStatus;
import dev.steward.core.statuspage.IncidentCommand;
import dev.steward.core.statuspage.PublicIncident;
import dev.steward.core.statuspage.PublicIncidents;
import dev.steward.core.statuspage.StatusPagePolicy;
import dev.steward.core.statuspage.StatusPageStore;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The daemon's public incidents: changes (health changes fed by the status page loop, and people's commands) are
 * serialised and stored before they are reported; listeners (the audit log) hear of each one after it is stored.
 */
public final class StatusPageRegistry {
    private final StatusPageStore store;
    private final InstantSource clock;
    private final Supplier<String> newId;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Map<String, ComponentStatus> previous = Map.of();

    /** Hears of every stored change: what was done ({@code statuspage.publish}), by whom, before and after. */
    @FunctionalInterface
    public interface Listener {
        void changed(String action, String by, Optional<PublicIncident> before, PublicIncident after);
    }

    public StatusPageRegistry(StatusPageStore store, InstantSource clock, Supplier<String> newId) {
        this.store = store;
        this.clock = clock;
        this.newId = newId;
    }

    /** A registry that names new incidents with random UUIDs. */
    public static StatusPageRegistry withRandomIds(StatusPageStore store, InstantSource clock) {
        return new StatusPageRegistry(store, clock, () -> UUID.randomUUID().toString());
    }

    public void onChange(Listener listener) {
        listeners.add(listener);
    }

    /** Now, to the millisecond: what the store keeps, so an incident reads the same before and after a restart. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Compares the components' statuses with those of the previous evaluation and stores what the policy decides.
     * The first evaluation after a start compares with "all operational": a component down at start that no active
     * incident covers gets a draft.
     */
    public synchronized List<PublicIncident> evaluate(
            StatusPageConfig page, Map<String, ComponentStatus> current, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        List<PublicIncident> active = store.active();
        StatusPagePolicy.Evaluation e = StatusPagePolicy.evaluate(page, previous, current, active, newId, now);
        previous = Map.copyOf(current);
        for (PublicIncident after : e.changed()) {
            Optional<PublicIncident> before =
                    active.stream().filter(i -> i.id().equals(after.id())).findFirst();
            store.save(after);
            tell(action(before, after), PublicIncidents.STEWARD, before, after);
        }
        return e.changed();
    }

    private static String action(Optional<PublicIncident> before, PublicIncident after) {
        if (before.isEmpty()) {
            return after.isPublic() ? "statuspage.publish" : "statuspage.draft";
        }
        if (!after.isActive() && !after.isPublic()) {
            return "statuspage.discard";
        }
        if (after.updates().size() > before.get().updates().size()) {
            return "statuspage.update";
        }
        return after.proposed().isPresent() && after.isPublic() ? "statuspage.propose" : "statuspage.draft";
    }

    public synchronized PublicIncident create(
            String title,
            dev.steward.core.statuspage.Impact impact,
            List<String> components,
            dev.steward.core.statuspage.IncidentStatus status,
            String message,
            String by) {
        PublicIncident created =
                PublicIncidents.open(newId.get(), title, impact, components, status, message, by, now());
        store.save(created);
        tell("statuspage.create", by, Optional.empty(), created);
        return created;
    }

    /** Applies {@code command} to incident {@code id}; empty when there is no such incident. */
    public synchronized Optional<CommandOutcome> command(String id, IncidentCommand command) {
        Optional<PublicIncident> before = store.get(id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        CommandOutcome outcome = PublicIncidents.apply(before.get(), command, now());
        if (outcome instanceof CommandOutcome.Applied a) {
            store.save(a.incident());
            tell("statuspage." + command.name(), command.by(), before, a.incident());
        }
        return Optional.of(outcome);
    }

    public Optional<PublicIncident> get(String id) {
        return store.get(id);
    }

    /** Drafts and open incidents, oldest first. */
    public List<PublicIncident> active() {
        return store.active();
    }

    /** Drafts and open incidents with an update waiting for a person, oldest first. */
    public List<PublicIncident> drafts() {
        return store.active().stream().filter(i -> i.proposed().isPresent()).toList();
    }

    public List<PublicIncident> resolvedSince(Instant since) {
        return store.resolvedSince(since);
    }

    private void tell(String action, String by, Optional<PublicIncident> before, PublicIncident after) {
        for (Listener l : listeners) {
            l.changed(action, by, before, after);
        }
    }
}
