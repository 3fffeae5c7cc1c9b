package dev.steward.core.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds, over a horizon, the times when a page would reach nobody: schedule gaps, escalation levels whose every
 * target resolves to nobody, people nobody can reach, and references to things that are not configured (the stack-file
 * loader already rejects those; configurations built in code are checked here too).
 */
public final class Coverage {
    private Coverage() {}

    /** Every problem in {@code [from, to)}: references and people first, then schedules and levels in name order. */
    public static List<CoverageProblem> report(OnCall oncall, Instant from, Instant to) {
        List<CoverageProblem> out = new ArrayList<>(references(oncall));
        new TreeMap<>(oncall.people())
                .values().stream()
                        .filter(p -> !p.reachable())
                        .forEach(p -> out.add(new CoverageProblem.Unreachable(p.name())));
        for (Schedule s : new TreeMap<>(oncall.schedules()).values()) {
            s.gaps(from, to).forEach(g -> out.add(new CoverageProblem.ScheduleGap(s.name(), g)));
        }
        for (EscalationPolicy p : new TreeMap<>(oncall.policies()).values()) {
            for (int i = 0; i < p.levels().size(); i++) {
                for (Interval gap : uncovered(oncall, p.levels().get(i), from, to)) {
                    out.add(new CoverageProblem.LevelUncovered(p.name(), i, gap));
                }
            }
        }
        return out;
    }

    /** The stretches of {@code [from, to)} in which every target of {@code level} resolves to nobody. */
    public static List<Interval> uncovered(OnCall oncall, EscalationPolicy.Level level, Instant from, Instant to) {
        TreeSet<Instant> points = new TreeSet<>(List.of(from, to));
        for (Target t : level.targets()) {
            if (t instanceof Target.Schedule s && oncall.schedules().containsKey(s.name())) {
                points.addAll(oncall.schedules().get(s.name()).changes(from, to));
            }
        }
        List<Interval> out = new ArrayList<>();
        List<Instant> list = List.copyOf(points);
        for (int i = 0; i + 1 < list.size(); i++) {
            Instant start = list.get(i);
            boolean covered = oncall.resolve(level, start).stream().anyMatch(r -> !(r instanceof Recipient.Nobody));
            if (covered) {
                continue;
            }
            if (!out.isEmpty() && out.getLast().end().equals(start)) {
                out.set(out.size() - 1, new Interval(out.getLast().start(), list.get(i + 1)));
            } else {
                out.add(new Interval(start, list.get(i + 1)));
            }
        }
        return out;
    }

    private static List<CoverageProblem> references(OnCall oncall) {
        List<CoverageProblem> out = new ArrayList<>();
        for (EscalationPolicy p : new TreeMap<>(oncall.policies()).values()) {
            for (EscalationPolicy.Level level : p.levels()) {
                for (Target t : level.targets()) {
                    boolean known = switch (t) {
                        case Target.Person x -> oncall.people().containsKey(x.name());
                        case Target.Schedule x -> oncall.schedules().containsKey(x.name());
                        case Target.Receiver x -> true;
                    };
                    if (!known) {
                        out.add(new CoverageProblem.UnknownReference(
                                "escalation policy " + p.name(), kind(t), t.name()));
                    }
                }
            }
        }
        for (Schedule s : new TreeMap<>(oncall.schedules()).values()) {
            s.layers().stream().flatMap(l -> l.members().stream()).distinct().forEach(m -> {
                if (!oncall.people().containsKey(m)) {
                    out.add(new CoverageProblem.UnknownReference("schedule " + s.name(), "person", m));
                }
            });
        }
        for (Severity s : oncall.severities().values()) {
            if (!oncall.policies().containsKey(s.escalationPolicy())) {
                out.add(new CoverageProblem.UnknownReference(
                        "severity " + s.name(), "escalation policy", s.escalationPolicy()));
            }
        }
        for (Map.Entry<String, ServiceEscalation> e : new TreeMap<>(oncall.services()).entrySet()) {
            ServiceEscalation se = e.getValue();
            java.util.stream.Stream.concat(se.all().stream(), se.bySeverity().values().stream())
                    .distinct()
                    .filter(name -> !oncall.policies().containsKey(name))
                    .forEach(name -> out.add(
                            new CoverageProblem.UnknownReference("service " + e.getKey(), "escalation policy", name)));
        }
        return out;
    }

    static String kind(Target t) {
        return switch (t) {
            case Target.Person x -> "person";
            case Target.Schedule x -> "schedule";
            case Target.Receiver x -> "receiver";
        };
    }
}
