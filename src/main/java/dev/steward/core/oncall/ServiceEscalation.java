package dev.steward.core.oncall;

import java.util.Map;
import java.util.Optional;

/**
 * A service's own choice of escalation policy: one per severity ({@code bySeverity}), or one for every severity
 * ({@code all}). A severity named in {@code bySeverity} wins over {@code all}; both win over the severity's own policy.
 */
public record ServiceEscalation(Optional<String> all, Map<String, String> bySeverity) {
    public static final ServiceEscalation NONE = new ServiceEscalation(Optional.empty(), Map.of());

    public ServiceEscalation {
        bySeverity = Map.copyOf(bySeverity);
    }

    public static ServiceEscalation forAll(String policy) {
        return new ServiceEscalation(Optional.of(policy), Map.of());
    }

    /** The service's policy for {@code severity}: its own for that severity, else its one for all. */
    public Optional<String> policyFor(String severity) {
        return Optional.ofNullable(bySeverity.get(severity)).or(() -> all);
    }
}
