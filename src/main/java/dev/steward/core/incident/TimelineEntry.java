package dev.steward.core.incident;

import java.time.Instant;

/**
 * One line of an incident's timeline: when, who ("steward" for what Steward decided, a user name for a command), and
 * what happened in words an operator reads ("escalated to level 1: not acknowledged within 5m").
 */
public record TimelineEntry(Instant at, String actor, String what) {
    /** The actor of everything Steward does on its own. */
    public static final String STEWARD = "steward";
}
