package dev.steward.core.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identities of the rules of a group, stable across reloads, as Prometheus matches rules when it copies state over a
 * reload: kind, name and labels, plus an occurrence number among rules with the same ones (matched in order). A rule
 * whose expression, {@code for} or annotations change keeps its alerts; one whose name or labels change starts afresh.
 */
public final class RuleKeys {
    private RuleKeys() {}

    /** One key per rule of {@code group}, in rule order. */
    public static List<String> of(RuleGroup group) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (Rule r : group.rules()) {
            String base = switch (r) {
                case RecordingRule rec -> "record:" + rec.record() + new TreeMap<>(rec.labels());
                case AlertingRule a -> "alert:" + a.alert() + new TreeMap<>(a.labels());
            };
            int n = seen.merge(base, 1, Integer::sum);
            keys.add(n == 1 ? base : base + "#" + n);
        }
        return List.copyOf(keys);
    }
}
