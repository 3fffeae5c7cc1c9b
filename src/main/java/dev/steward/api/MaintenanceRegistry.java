package dev.steward.api;

import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.maintenance.MaintenanceLimits;
import dev.steward.core.maintenance.MaintenanceStore;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.Schedule;
import dev.steward.core.maintenance.WindowError;
import dev.steward.core.maintenance.WindowValidator;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The daemon's maintenance windows: the stack file's (replaced on reload) and those created through the API (kept in
 * the store, written before the API answers). Changes are serialised; readers see the last committed calendar.
 */
public final class MaintenanceRegistry implements MaintenanceBackend {
    private final MaintenanceStore store;
    private final InstantSource clock;
    private final MaintenanceLimits limits;
    private final Supplier<String> newId;
    private volatile List<MaintenanceWindow> fromStackFile;
    private volatile WindowValidator validator;
    private volatile MaintenanceCalendar calendar;

    /**
     * @param fromStackFile {@code StackConfig.maintenance()}
     * @param services the stack's service names, which a window's scope may name
     */
    public MaintenanceRegistry(
            MaintenanceStore store,
            List<MaintenanceWindow> fromStackFile,
            Set<String> services,
            InstantSource clock,
            MaintenanceLimits limits,
            Supplier<String> newId) {
        this.store = store;
        this.clock = clock;
        this.limits = limits;
        this.newId = newId;
        this.fromStackFile = List.copyOf(fromStackFile);
        this.validator = new WindowValidator(limits, services);
        this.calendar = build(store.loadAll());
    }

    /** A registry that names new windows with random UUIDs. */
    public static MaintenanceRegistry withRandomIds(
            MaintenanceStore store,
            List<MaintenanceWindow> fromStackFile,
            Set<String> services,
            InstantSource clock,
            MaintenanceLimits limits) {
        return new MaintenanceRegistry(
                store,
                fromStackFile,
                services,
                clock,
                limits,
                () -> UUID.randomUUID().toString());
    }

    /** After a configuration reload: the stack file's windows and service names are replaced, stored ones kept. */
    public synchronized void reload(List<MaintenanceWindow> newFromStackFile, Set<String> services) {
        this.fromStackFile = List.copyOf(newFromStackFile);
        this.validator = new WindowValidator(limits, services);
        this.calendar = build(stored());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public MaintenanceCalendar calendar() {
        return calendar;
    }

    @Override
    public synchronized Created create(MaintenanceWindow candidate) {
        Instant now = clock.instant();
        MaintenanceWindow w = new MaintenanceWindow(
                newId.get(),
                candidate.title(),
                candidate.schedule(),
                candidate.scope(),
                candidate.freezeDeployments(),
                candidate.emergency(),
                candidate.declaredBy(),
                candidate.reason(),
                MaintenanceWindow.Origin.API,
                now,
                Optional.empty());
        List<WindowError> errors = validator.validate(w, now);
        if (!errors.isEmpty()) {
            return new Created.Invalid(errors);
        }
        store.save(w);
        List<MaintenanceWindow> stored = new ArrayList<>(stored());
        stored.add(w);
        calendar = build(stored);
        return new Created.Accepted(w);
    }

    @Override
    public synchronized Ended end(String id) {
        Optional<MaintenanceWindow> found = calendar.window(id);
        if (found.isEmpty()) {
            return new Ended.NotFound(id);
        }
        MaintenanceWindow w = found.get();
        if (w.readOnly()) {
            return new Ended.ReadOnly(w);
        }
        Instant now = clock.instant();
        if (w.endedAt().isPresent() || isOver(w, now)) {
            return new Ended.AlreadyOver(w);
        }
        MaintenanceWindow ended = w.endedAt(now);
        store.save(ended);
        List<MaintenanceWindow> stored = new ArrayList<>();
        for (MaintenanceWindow s : stored()) {
            stored.add(s.id().equals(id) ? ended : s);
        }
        calendar = build(stored);
        return new Ended.Done(ended);
    }

    private static boolean isOver(MaintenanceWindow w, Instant now) {
        return w.schedule() instanceof Schedule.OneOff o && !o.end().isAfter(now);
    }

    private List<MaintenanceWindow> stored() {
        return calendar.windows().stream().filter(w -> !w.readOnly()).toList();
    }

    private MaintenanceCalendar build(List<MaintenanceWindow> stored) {
        List<MaintenanceWindow> all = new ArrayList<>(fromStackFile);
        all.addAll(stored);
        return new MaintenanceCalendar(all);
    }
}
