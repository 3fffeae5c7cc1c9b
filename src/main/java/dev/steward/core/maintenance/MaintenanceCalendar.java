package dev.steward.core.maintenance;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The windows of a stack (from the stack file and the API) and the questions the daemon asks of them at an instant.
 * Immutable: a change of windows makes a new calendar.
 */
public final class MaintenanceCalendar {
    public static final MaintenanceCalendar EMPTY = new MaintenanceCalendar(List.of());
    private static final Comparator<Occurrence> BY_START = Comparator.comparing(Occurrence::start)
            .thenComparing(o -> o.window().id());

    private final List<MaintenanceWindow> windows;

    public MaintenanceCalendar(List<MaintenanceWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    public List<MaintenanceWindow> windows() {
        return windows;
    }

    public Optional<MaintenanceWindow> window(String id) {
        return windows.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** The occurrences open at {@code now}, by start. */
    public List<Occurrence> active(Instant now) {
        return occurrences(now, now.plusNanos(1));
    }

    /** The occurrences that overlap [{@code from}, {@code to}), by start: for listings and calendars. */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        List<Occurrence> out = new ArrayList<>();
        for (MaintenanceWindow w : windows) {
            out.addAll(Occurrences.overlapping(w, from, to));
        }
        out.sort(BY_START);
        return out;
    }

    /**
     * The open occurrence that covers a check or alert of {@code service} with {@code labels}, if any; when several
     * do, the one that ends last, since that is how long the subject stays in maintenance.
     *
     * @param dependsOn each service's {@code depends_on}, for windows that propagate to dependants
     */
    public Optional<InMaintenance> inScope(
            String service, Labels labels, Map<String, ? extends Collection<String>> dependsOn, Instant now) {
        return active(now).stream()
                .filter(o -> o.window().scope().covers(service, labels, dependsOn))
                .max(Comparator.comparing(Occurrence::end))
                .map(InMaintenance::of);
    }

    /**
     * The openings and closings in ({@code from}, {@code to}], by instant; at the same instant closings come first,
     * so that a re-evaluation at a closing sees the windows that open right then.
     */
    public List<MaintenanceEvent> transitions(Instant from, Instant to) {
        List<MaintenanceEvent> out = new ArrayList<>();
        for (Occurrence o : occurrences(from, to.plusNanos(1))) {
            if (o.start().isAfter(from) && !o.start().isAfter(to)) {
                out.add(new MaintenanceEvent.Started(o));
            }
            if (o.end().isAfter(from) && !o.end().isAfter(to)) {
                out.add(new MaintenanceEvent.Ended(o));
            }
        }
        out.sort(Comparator.comparing(MaintenanceEvent::at)
                .thenComparing(e -> e instanceof MaintenanceEvent.Started)
                .thenComparing(e -> e.occurrence().window().id()));
        return out;
    }

    /** The first instant after {@code now} at which a window opens or closes: when the daemon should look again. */
    public Optional<Instant> nextChange(Instant now) {
        Optional<Instant> next = Optional.empty();
        for (Occurrence o : active(now)) {
            next = earliest(next, o.end());
        }
        for (MaintenanceWindow w : windows) {
            Optional<Occurrence> start = Occurrences.firstStartAfter(w, now);
            if (start.isPresent()) {
                next = earliest(next, start.get().start());
            }
        }
        return next;
    }

    /** The first occurrence of any window that starts after {@code now}: "next maintenance" in the UI. */
    public Optional<Occurrence> nextStart(Instant now) {
        return windows.stream()
                .flatMap(w -> Occurrences.firstStartAfter(w, now).stream())
                .min(BY_START);
    }

    /** Whether an open window that freezes deployments covers {@code service}. */
    public boolean freezesDeployments(
            String service, Labels labels, Map<String, ? extends Collection<String>> dependsOn, Instant now) {
        return active(now).stream()
                .anyMatch(o ->
                        o.window().freezeDeployments() && o.window().scope().covers(service, labels, dependsOn));
    }

    private static Optional<Instant> earliest(Optional<Instant> current, Instant candidate) {
        return current.isEmpty() || candidate.isBefore(current.get()) ? Optional.of(candidate) : current;
    }
}
