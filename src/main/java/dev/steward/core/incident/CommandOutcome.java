package dev.steward.core.incident;

/** The outcome of an operator command: applied (with what it changed), or rejected with the reason. */
public sealed interface CommandOutcome {
    record Applied(IncidentStep step) implements CommandOutcome {
        public Incident incident() {
            return step.incidents().getFirst();
        }
    }

    /**
     * Refused: {@code state} is the incident's state name; {@code reason} says why in a sentence the API returns as is
     * ("cannot acknowledge incident 01J…: it is resolved (by alice at 2026-…)").
     */
    record Rejected(String incidentId, IncidentCommand command, String state, String reason)
            implements CommandOutcome {}
}
