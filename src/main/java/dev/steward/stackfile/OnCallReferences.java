package dev.steward.stackfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names the on-call sections declare and the references between them, checked once every section has been read
 * (sections may come in any order). A name counts as declared even when its entry has errors, so one bad person does
 * not also turn every reference to them into an error.
 */
final class OnCallReferences {
    static final String PERSON = "person";
    static final String SCHEDULE = "schedule";
    static final String POLICY = "escalation policy";
    static final String SEVERITY = "severity";

    private static final Map<String, String> SECTION =
            Map.of(PERSON, "people", SCHEDULE, "schedules", POLICY, "escalation_policies", SEVERITY, "severities");

    private record Ref(String kind, String name, YamlNode node, String path) {}

    private final Map<String, Set<String>> declared = new LinkedHashMap<>();
    private final List<Ref> refs = new ArrayList<>();

    void declare(String kind, String name) {
        declared.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(name);
    }

    void refer(String kind, String name, YamlNode node, String path) {
        refs.add(new Ref(kind, name, node, path));
    }

    private static String article(String kind) {
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    void check(Diagnostics diagnostics) {
        for (Ref ref : refs) {
            Set<String> known = declared.getOrDefault(ref.kind(), Set.of());
            if (known.contains(ref.name())) {
                continue;
            }
            String section = SECTION.get(ref.kind());
            String expected = known.isEmpty()
                    ? article(ref.kind()) + " defined under " + section + " (none are)"
                    : article(ref.kind()) + " defined under " + section + ": "
                            + Suggestion.allowedKeys(ref.name(), known);
            diagnostics.add(ref.node(), ref.path(), "unknown " + ref.kind(), Quote.of(ref.name()), expected);
        }
    }
}
