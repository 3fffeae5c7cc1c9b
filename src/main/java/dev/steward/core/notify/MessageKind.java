package dev.steward.core.notify;

/** Why a message is sent. Receivers that track incidents (PagerDuty) map these to their own event actions. */
public enum MessageKind {
    /** An incident started, or new alerts joined it, or it was re-triggered (acknowledgement timed out). */
    TRIGGERED,
    /** Reminder of a still-firing incident at an escalation level or a repeat interval. */
    ESCALATED,
    ACKNOWLEDGED,
    RESOLVED,
    /** A check or alert keeps changing state: one notice instead of a storm. */
    FLAPPING,
    /** To a silence's creator, before the silence expires. */
    SILENCE_EXPIRING,
    /** Announcements (maintenance windows, deployments). */
    ANNOUNCEMENT
}
