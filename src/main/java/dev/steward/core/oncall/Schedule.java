package dev.steward.core.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An on-call schedule as in PagerDuty or Grafana OnCall: layers of rotations, where a later layer overrides the
 * earlier ones whenever it has someone on duty, and overrides on top of all layers (a later override wins over an
 * earlier one). {@code zone} is the schedule's time zone, the default of its layers and of its overrides' local times.
 */
public record Schedule(String name, ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides) {
    public Schedule {
        layers = List.copyOf(layers);
        overrides = List.copyOf(overrides);
    }

    /** The name of the person on call at {@code at}, if anyone is. */
    public Optional<String> onCallAt(Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            if (overrides.get(i).covers(at)) {
                return Optional.of(overrides.get(i).person());
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<String> member = layers.get(i).memberAt(at);
            if (member.isPresent()) {
                return member;
            }
        }
        return Optional.empty();
    }

    /** Who is on call in {@code [from, to)}, as maximal shifts in time order; times with nobody are left out. */
    public List<Shift> shifts(Instant from, Instant to) {
        List<Shift> out = new ArrayList<>();
        List<Instant> points = changes(from, to);
        for (int i = 0; i + 1 < points.size(); i++) {
            Instant start = points.get(i);
            Instant end = points.get(i + 1);
            Optional<String> person = onCallAt(start);
            if (person.isEmpty()) {
                continue;
            }
            Shift last = out.isEmpty() ? null : out.getLast();
            if (last != null && last.end().equals(start) && last.person().equals(person.get())) {
                out.set(out.size() - 1, new Shift(last.person(), last.start(), end));
            } else {
                out.add(new Shift(person.get(), start, end));
            }
        }
        return out;
    }

    /** The stretches of {@code [from, to)} with nobody on call, in time order. */
    public List<Interval> gaps(Instant from, Instant to) {
        List<Interval> out = new ArrayList<>();
        Instant cursor = from;
        for (Shift s : shifts(from, to)) {
            if (cursor.isBefore(s.start())) {
                out.add(new Interval(cursor, s.start()));
            }
            cursor = s.end();
        }
        if (cursor.isBefore(to)) {
            out.add(new Interval(cursor, to));
        }
        return out;
    }

    /**
     * {@code from}, every instant in between at which who is on call may change, and {@code to}, sorted: between two
     * neighbours the answer of {@link #onCallAt} is the same.
     */
    public List<Instant> changes(Instant from, Instant to) {
        TreeSet<Instant> points = new TreeSet<>();
        if (!from.isBefore(to)) {
            return List.of();
        }
        points.add(from);
        points.add(to);
        for (Layer layer : layers) {
            layer.changes(from, to, points);
        }
        for (ScheduleOverride o : overrides) {
            for (Instant t : List.of(o.from(), o.to())) {
                if (t.isAfter(from) && t.isBefore(to)) {
                    points.add(t);
                }
            }
        }
        return List.copyOf(points);
    }
}
