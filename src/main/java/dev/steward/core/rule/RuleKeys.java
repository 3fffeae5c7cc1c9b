package dev.steward.core.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identities of the rules of a group, stable across reloads: kind, name, expression and labels, plus an occurrence
 * number for identical rules. A rule whose expression or labels change starts with a fresh state.
 */
public final class RuleKeys {
    private RuleKeys() {}

    /** One key per rule of {@code group}, in rule order. */
    public static List<String> of(RuleGroup group) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (Rule r : group.rules()) {
            String base = switch (r) {
                case RecordingRule rec ->
                    "record:" + rec.record() + ":" + rec.expr() + ":" + new TreeMap<>(rec.labels());
                case AlertingRule a -> "alert:" + a.alert() + ":" + a.expr() + ":" + new TreeMap<>(a.labels());
            };
            int n = seen.merge(base, 1, Integer::sum);
            keys.add(n == 1 ? base : base + "#" + n);
        }
        return List.copyOf(keys);
    }
}
