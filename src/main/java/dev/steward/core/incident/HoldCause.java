package dev.steward.core.incident;

/** Why pages for a service are held: a service it depends on is down, or it is in a maintenance window. */
public sealed interface HoldCause {
    /** The cause as the timeline shows it: "caused by db", "maintenance: weekly patching". */
    String describe();

    /**
     * A dependency ({@code depends_on}) is down: the alert is most likely a consequence, so paging waits until the
     * dependency recovers and the service has had a settle period to recover too.
     */
    record DependencyDown(String dependency) implements HoldCause {
        @Override
        public String describe() {
            return "caused by " + dependency;
        }
    }

    /** The service is in planned maintenance; {@code reason} comes from the maintenance calendar. */
    record Maintenance(String reason) implements HoldCause {
        @Override
        public String describe() {
            return reason.isEmpty() ? "maintenance" : "maintenance: " + reason;
        }
    }
}
