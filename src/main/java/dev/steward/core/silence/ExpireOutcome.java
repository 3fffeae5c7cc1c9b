package dev.steward.core.silence;

/** What {@link Silences#expire} did. */
public sealed interface ExpireOutcome {
    /**
     * The silence is expired. {@code changed} is false when it already was (expiring is idempotent, as in
     * Alertmanager), and then {@code silences} is the unchanged collection.
     */
    record Expired(Silences silences, Silence silence, boolean changed) implements ExpireOutcome {}

    record NotFound(String id) implements ExpireOutcome {}
}
