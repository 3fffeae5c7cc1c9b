package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inhibition rules applied to the alerts held at one instant, indexed so that asking whether an alert is muted
 * costs one lookup per rule instead of a scan of every alert ({@link InhibitRule#mutes} scans, which is fine for a
 * handful of alerts and quadratic for a hundred thousand). Built once per look at the due groups: only firing alerts
 * matching some rule's source side are kept, keyed by their values of the rule's {@code equal} labels.
 */
public final class Inhibition {
    public static final Inhibition NONE = new Inhibition(List.of());

    private record Source(Labels labels, boolean matchesTarget) {}

    private record Indexed(InhibitRule rule, List<String> equal, Map<List<String>, List<Source>> byEqual) {
        List<String> key(Labels labels) {
            List<String> k = new ArrayList<>(equal.size());
            for (String name : equal) {
                String v = labels.get(name);
                k.add(v == null ? "" : v);
            }
            return k;
        }
    }

    private final List<Indexed> rules;

    private Inhibition(List<Indexed> rules) {
        this.rules = rules;
    }

    /** The index of {@code alerts} (every alert held; resolved ones are left out) for {@code rules} at {@code now}. */
    public static Inhibition of(List<InhibitRule> rules, Iterable<Alert> alerts, Instant now) {
        if (rules.isEmpty()) {
            return NONE;
        }
        List<Indexed> indexed = new ArrayList<>();
        for (InhibitRule r : rules) {
            indexed.add(new Indexed(r, r.equal().stream().sorted().toList(), new HashMap<>()));
        }
        for (Alert a : alerts) {
            if (a.resolved(now)) {
                continue;
            }
            for (Indexed ix : indexed) {
                if (ix.rule().source().matches(a.labels())) {
                    ix.byEqual()
                            .computeIfAbsent(ix.key(a.labels()), k -> new ArrayList<>())
                            .add(new Source(a.labels(), ix.rule().target().matches(a.labels())));
                }
            }
        }
        return new Inhibition(List.copyOf(indexed));
    }

    /** The labels of a firing alert that mutes {@code alert} under some rule, as {@link InhibitRule#mutes} decides. */
    public Optional<Labels> inhibitor(Labels alert) {
        for (Indexed ix : rules) {
            if (!ix.rule().target().matches(alert)) {
                continue;
            }
            List<Source> sources = ix.byEqual().get(ix.key(alert));
            if (sources == null) {
                continue;
            }
            boolean twoSided = ix.rule().source().matches(alert);
            for (Source s : sources) {
                if (!(twoSided && s.matchesTarget())) {
                    return Optional.of(s.labels());
                }
            }
        }
        return Optional.empty();
    }

    public boolean inhibited(Labels alert) {
        return !rules.isEmpty() && inhibitor(alert).isPresent();
    }
}
