package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Set;

/** Where an aggregation group is in its life, and when {@link GroupPolicy#next} next looks at it. */
public sealed interface GroupPhase {
    /** Created, not looked at yet: due {@code group_wait} after creation, or at once for an old alert. */
    record Waiting(Instant dueAt) implements GroupPhase {}

    /** Looked at, but the receiver was never told anything (muted, or nothing firing); due every group_interval. */
    record Quiet(Instant dueAt) implements GroupPhase {}

    /** The receiver was told about {@code last}; due every {@code group_interval}. */
    record Notified(Instant dueAt, Sent last) implements GroupPhase {}

    /** The firing and resolved alerts (by labels) of the last notification, and when it was decided. */
    record Sent(Set<Labels> firing, Set<Labels> resolved, Instant at) {
        public Sent {
            firing = Set.copyOf(firing);
            resolved = Set.copyOf(resolved);
        }
    }

    default Instant dueAt() {
        return switch (this) {
            case Waiting w -> w.dueAt();
            case Quiet q -> q.dueAt();
            case Notified n -> n.dueAt();
        };
    }
}
