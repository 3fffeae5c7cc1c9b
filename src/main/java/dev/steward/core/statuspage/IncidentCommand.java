package dev.steward.core.statuspage;

import java.util.Optional;

/** What a person (or Steward, in automatic mode) does to a public incident. */
public sealed interface IncidentCommand {
    String by();

    /**
     * Publishes a draft or an open incident's proposed update, with the title and message edited when given.
     *
     * @param title a new title (drafts only)
     */
    record Publish(String by, Optional<String> title, Optional<String> message) implements IncidentCommand {}

    /** Adds a published update to an open incident; {@code resolved} resolves it. */
    record AddUpdate(String by, IncidentStatus status, String message) implements IncidentCommand {}

    /** Throws away a draft, or an open incident's proposed update. */
    record Discard(String by) implements IncidentCommand {}

    /** {@code publish}, {@code update}, {@code discard}: the names of the table of legal transitions. */
    default String name() {
        return switch (this) {
            case Publish p -> "publish";
            case AddUpdate a -> "update";
            case Discard d -> "discard";
        };
    }
}
