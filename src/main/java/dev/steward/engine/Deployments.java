package dev.steward.engine;

import dev.steward.core.deploy.CommandOutcome;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.StateKind;
import dev.steward.core.deploy.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the deployment API asks of the daemon: start deployments, read them, command them. */
public interface Deployments {
    /**
     * A request to deploy {@code version} of {@code service} to {@code environment}, now or at {@code startAt} (a
     * scheduled deployment, announced to the service's receivers when created and {@code announce.ahead} before it
     * starts).
     */
    record StartRequest(
            String service,
            String environment,
            String version,
            Optional<String> stableVersion,
            String by,
            Optional<Instant> startAt) {
        /** A request to start now. */
        public StartRequest(
                String service, String environment, String version, Optional<String> stableVersion, String by) {
            this(service, environment, version, stableVersion, by, Optional.empty());
        }
    }

    /** A field of a request that cannot be accepted: its name, the value seen and what was expected. */
    record Problem(String field, String seen, String expected) {}

    /** What came of a start request. */
    sealed interface Started {
        record Created(Deployment deployment) implements Started {}

        record Invalid(List<Problem> problems) implements Started {}

        record Conflict(String reason, String activeId) implements Started {}
    }

    Instant now();

    Started start(StartRequest request);

    /** Active deployments first (oldest first), then the newest finished ones, filtered by what is given. */
    List<Deployment> list(Optional<String> service, Optional<String> environment, Optional<StateKind> state, int limit);

    /** The deployment with its whole timeline. */
    Optional<Deployment> get(String id);

    /** An operator's command; empty when no deployment has that id. */
    Optional<CommandOutcome> command(String id, Trigger command, String by, String reason);
}
