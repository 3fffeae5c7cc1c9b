package dev.steward.core.silence;

import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The silences active at one instant, indexed for asking about many alerts: a silence with an equality matcher is
 * only tried on alerts having that label value; one without is tried on every alert, but a regular expression that
 * starts with literal text ({@code host-12-.*}) first rejects values not starting with it, without running the
 * pattern. Routing 100,000 alerts against 100 silences otherwise spends seconds in regular expressions.
 */
public final class ActiveSilences {
    public static final ActiveSilences NONE = new ActiveSilences(Map.of(), List.of());

    /** A silence without an equality matcher, and the literal prefix its value must start with (may be empty). */
    private record Scanned(Silences.Entry entry, String name, String prefix) {
        boolean mayMatch(Labels labels) {
            if (prefix.isEmpty()) {
                return true;
            }
            String v = labels.get(name);
            return v != null && v.startsWith(prefix);
        }
    }

    private final Map<String, Map<String, List<Silences.Entry>>> byEquality;
    private final List<Scanned> scanned;

    private ActiveSilences(Map<String, Map<String, List<Silences.Entry>>> byEquality, List<Scanned> scanned) {
        this.byEquality = byEquality;
        this.scanned = scanned;
    }

    static ActiveSilences of(Iterable<Silences.Entry> entries, Instant now) {
        Map<String, Map<String, List<Silences.Entry>>> byEquality = new HashMap<>();
        List<Scanned> scanned = new ArrayList<>();
        for (Silences.Entry e : entries) {
            if (e.silence().state(now) != SilenceState.ACTIVE) {
                continue;
            }
            LabelMatcher eq = e.compiled().stream()
                    .filter(m -> m.type() == LabelMatcher.Type.EQ && !m.value().isEmpty())
                    .findFirst()
                    .orElse(null);
            if (eq != null) {
                byEquality
                        .computeIfAbsent(eq.name(), k -> new HashMap<>())
                        .computeIfAbsent(eq.value(), k -> new ArrayList<>())
                        .add(e);
                continue;
            }
            Scanned s = new Scanned(e, "", "");
            for (LabelMatcher m : e.compiled()) {
                String p = m.type() == LabelMatcher.Type.RE ? literalPrefix(m.value()) : "";
                if (p.length() > s.prefix().length()) {
                    s = new Scanned(e, m.name(), p);
                }
            }
            scanned.add(s);
        }
        return new ActiveSilences(byEquality, List.copyOf(scanned));
    }

    /**
     * The text every match of the fully anchored {@code regex} starts with: the leading characters that are not
     * special, less the last one when a quantifier that allows zero follows it; nothing when the pattern has an
     * alternation anywhere (the prefix might belong to one branch only).
     */
    static String literalPrefix(String regex) {
        if (regex.indexOf('|') >= 0) {
            return "";
        }
        int i = 0;
        while (i < regex.length() && "\\.[]{}()*+?^$".indexOf(regex.charAt(i)) < 0) {
            i++;
        }
        if (i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0) {
            i = Math.max(0, i - 1);
        }
        return regex.substring(0, i);
    }

    public boolean isEmpty() {
        return byEquality.isEmpty() && scanned.isEmpty();
    }

    /** Whether some active silence mutes {@code labels}. */
    public boolean mutes(Labels labels) {
        if (!byEquality.isEmpty()) {
            for (int i = 0; i < labels.size(); i++) {
                Map<String, List<Silences.Entry>> byValue = byEquality.get(labels.nameAt(i));
                List<Silences.Entry> candidates = byValue == null ? null : byValue.get(labels.valueAt(i));
                if (candidates != null) {
                    for (Silences.Entry e : candidates) {
                        if (e.matches(labels)) {
                            return true;
                        }
                    }
                }
            }
        }
        for (Scanned s : scanned) {
            if (s.mayMatch(labels) && s.entry().matches(labels)) {
                return true;
            }
        }
        return false;
    }

    /** The ids of the active silences muting {@code labels}, sorted. */
    public List<String> silenced(Labels labels) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Map<String, List<Silences.Entry>> byValue = byEquality.get(labels.nameAt(i));
            List<Silences.Entry> candidates = byValue == null ? null : byValue.get(labels.valueAt(i));
            if (candidates != null) {
                for (Silences.Entry e : candidates) {
                    if (e.matches(labels)) {
                        ids.add(e.silence().id());
                    }
                }
            }
        }
        for (Scanned s : scanned) {
            if (s.mayMatch(labels) && s.entry().matches(labels)) {
                ids.add(s.entry().silence().id());
            }
        }
        ids.sort(Comparator.naturalOrder());
        return List.copyOf(ids);
    }
}
