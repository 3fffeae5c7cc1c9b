package dev.steward.stackfile;

import dev.steward.core.deploy.AnalysisTemplate;
import dev.steward.core.deploy.DeploySettings;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks a reference to an analysis: written in the service's {@code deploy.analyses}, or at the top level. */
final class AnalysisNames {
    private final NodeReader r;
    private final Map<String, AnalysisTemplate> own;
    private final DeploySettings settings;
    private final Set<String> declared;

    /**
     * {@code own} may still grow (a gate preset adds its analysis) before references are checked; {@code declared}
     * holds the names of invalid templates too, whose errors are reported where they are written.
     */
    AnalysisNames(NodeReader reader, Map<String, AnalysisTemplate> own, DeploySettings settings, Set<String> declared) {
        this.r = reader;
        this.own = own;
        this.settings = settings;
        this.declared = declared;
    }

    Optional<String> ref(YamlNode node, String path) {
        Optional<String> name = r.name(node, path, "analysis name");
        if (name.isEmpty()
                || own.containsKey(name.get())
                || settings.analyses().containsKey(name.get())
                || declared.contains(name.get())) {
            return name;
        }
        TreeSet<String> known = new TreeSet<>(own.keySet());
        known.addAll(settings.analyses().keySet());
        known.addAll(declared);
        r.diagnostics.add(
                node,
                path,
                "unknown analysis",
                Quote.of(name.get()),
                known.isEmpty()
                        ? "an analysis declared in analyses: (top level or in deploy:), or gates: {preset: default}"
                        : "one of " + String.join(", ", known));
        return Optional.empty();
    }
}
