package dev.steward.core.statuspage;

/** What a command did: the incident after it, or why it was refused (nothing changed). */
public sealed interface CommandOutcome {
    record Applied(PublicIncident incident) implements CommandOutcome {}

    record Refused(String reason) implements CommandOutcome {}
}
