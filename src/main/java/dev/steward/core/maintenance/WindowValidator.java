package dev.steward.core.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a window requested through the API against the limits; every error is returned, not only the first. */
public final class WindowValidator {
    private final MaintenanceLimits limits;
    private final Set<String> services;

    /** {@code services} are the stack's service names, which a scope may name. */
    public WindowValidator(MaintenanceLimits limits, Set<String> services) {
        this.limits = limits;
        this.services = Set.copyOf(services);
    }

    public List<WindowError> validate(MaintenanceWindow w, Instant now) {
        List<WindowError> errors = new ArrayList<>();
        if (w.title() == null || w.title().isBlank()) {
            errors.add(new WindowError("title", String.valueOf(w.title()), "a short text such as \"db upgrade\""));
        }
        scope(w.scope(), errors);
        schedule(w, now, errors);
        if (w.emergency()) {
            if (w.declaredBy() == null || w.declaredBy().isBlank()) {
                errors.add(new WindowError("declared_by", "", "who declares the emergency window"));
            }
            if (w.reason() == null || w.reason().isBlank()) {
                errors.add(new WindowError("reason", "", "why the emergency window is needed"));
            }
        }
        return List.copyOf(errors);
    }

    private void scope(Scope scope, List<WindowError> errors) {
        if (scope.isEmpty()) {
            errors.add(new WindowError(
                    "services", "[]", "at least one service (\"*\" for every service) or label matcher"));
        }
        List<String> sorted = scope.services().stream().sorted().toList();
        for (String s : sorted) {
            if (!s.equals(Scope.EVERY_SERVICE) && !services.contains(s)) {
                errors.add(new WindowError(
                        "services[" + s + "]",
                        s,
                        "a service of the stack: "
                                + String.join(", ", services.stream().sorted().toList())));
            }
        }
    }

    private void schedule(MaintenanceWindow w, Instant now, List<WindowError> errors) {
        Instant start;
        Duration duration;
        switch (w.schedule()) {
            case Schedule.OneOff o -> {
                start = o.start();
                duration = Duration.between(o.start(), o.end());
                if (!o.end().isAfter(o.start())) {
                    errors.add(new WindowError("end", o.end().toString(), "a time after start (" + o.start() + ")"));
                }
                if (o.start().isBefore(now.minus(limits.pastTolerance()))) {
                    errors.add(new WindowError("start", o.start().toString(), "now or a time in the future"));
                }
            }
            case Schedule.Recurring r -> {
                duration = r.duration();
                start = Occurrences.firstStartAfter(w, now)
                        .map(Occurrence::start)
                        .orElse(now);
                if (!duration.isPositive()) {
                    errors.add(new WindowError("duration", duration.toString(), "a duration greater than zero"));
                }
            }
        }
        if (duration.compareTo(limits.maxDuration()) > 0) {
            errors.add(new WindowError(
                    "duration", duration.toString(), "at most " + limits.maxDuration() + " (the longest window)"));
        }
        // a start within the past tolerance means "now" (it was read a moment before this check), not a late notice
        Duration notice = start.isBefore(now) && !start.isBefore(now.minus(limits.pastTolerance()))
                ? Duration.ZERO
                : Duration.between(now, start);
        if (!w.emergency() && notice.compareTo(limits.notice()) < 0) {
            errors.add(new WindowError(
                    "start",
                    start.toString(),
                    "a start at least " + limits.notice() + " after now (" + now
                            + "), or emergency: true with declared_by and reason"));
        }
    }
}
