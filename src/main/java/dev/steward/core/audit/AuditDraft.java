package dev.steward.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to record, before the chain gives it a sequence and hashes. {@code before} and {@code after} are JSON text
 * of the changed thing (empty when there is none: nothing before a creation, nothing after a deletion).
 *
 * <p>NUL characters become U+FFFD: PostgreSQL text cannot hold them, and a record must read back from every store
 * exactly as it was hashed.
 *
 * @param actor who made the change: a user or token name, or {@code system}
 * @param source where from: the remote address of an API call, {@code cli}, {@code config}
 * @param action what kind of change, {@code <resource>.<verb>}: {@code incident.ack}, {@code silence.create}
 * @param target what was changed, {@code <resource>/<id>}: {@code incident/inc-42}; empty when nothing in particular
 */
public record AuditDraft(
        Instant at, String actor, String source, String action, String target, String before, String after) {

    public AuditDraft {
        Objects.requireNonNull(at, "at");
        actor = clean("actor", actor);
        source = clean("source", source);
        action = clean("action", action);
        target = clean("target", target);
        before = clean("before", before);
        after = clean("after", after);
        if (actor.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException(
                    "an audit record needs an actor and an action, got actor '" + actor + "', action '" + action + "'");
        }
    }

    private static String clean(String name, String value) {
        return Objects.requireNonNull(value, name).replace('\u0000', '\uFFFD');
    }
}
