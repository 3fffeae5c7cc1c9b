package dev.steward.core.deploy;

import java.util.ArrayList;
import java.util.List;

/** Evaluates the before-gates: what keeps a deployment from starting, empty when nothing does. */
final class BeforeGates {
    private BeforeGates() {}

    static List<String> blockers(Gates.Before gates, Observation o) {
        List<String> out = new ArrayList<>();
        if (gates.checksHealthy() && !o.unhealthy().isEmpty()) {
            out.add("checks failing: " + String.join(", ", o.unhealthy()));
        }
        if (gates.noCriticalIncident() && !o.criticalIncidents().isEmpty()) {
            out.add("critical incidents open: " + String.join(", ", o.criticalIncidents()));
        }
        if (gates.notFrozen() && o.freezingWindow().isPresent()) {
            out.add("deployments frozen by maintenance window "
                    + o.freezingWindow().get());
        }
        if (gates.previousEnvironment() && !o.previousEnvironmentPassed()) {
            out.add("the version has not passed the previous environment");
        }
        return out;
    }
}
