package dev.steward.core.statuspage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The words of Steward's drafts and proposals, addressed to the page's readers. */
final class Texts {
    private Texts() {}

    /** "Major outage of API and Search". */
    static String title(List<String> components, Map<String, ComponentStatus> current) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        for (String c : components) {
            worst = ComponentStatus.worst(worst, current.getOrDefault(c, ComponentStatus.OPERATIONAL));
        }
        String what = worst.severity() == 0 ? "Problems" : worst.text();
        return what + " of " + list(components);
    }

    /** "We are investigating problems with API (major outage) and Search (degraded performance)." */
    static String investigating(List<String> components, Map<String, ComponentStatus> current) {
        List<String> parts = new ArrayList<>();
        for (String c : components) {
            ComponentStatus s = current.getOrDefault(c, ComponentStatus.OPERATIONAL);
            parts.add(c + " (" + s.text().toLowerCase(Locale.ROOT) + ")");
        }
        return "We are investigating problems with " + list(parts) + ".";
    }

    /** "API and Search are operating normally again. This incident is resolved." */
    static String resolvedMessage(List<String> components) {
        return list(components) + (components.size() == 1 ? " is" : " are")
                + " operating normally again. This incident is resolved.";
    }

    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
