package dev.steward.core.incident;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.oncall.Target;
import java.util.List;

/**
 * "Send {@code message} to {@code targets}": a request for the outbox, which resolves schedules to people and people
 * and receivers to channels.
 *
 * @param level the escalation level paged, or {@link #EVERYONE_PAGED} when the message goes to everyone already paged
 *     (updates, acknowledgements, resolutions), or {@link #ASSIGNED}
 */
public record Page(String incidentId, MessageKind kind, List<Target> targets, int level, Message message) {
    public static final int EVERYONE_PAGED = -1;

    /** The level of a page to a target an incident was reassigned to. */
    public static final int ASSIGNED = -2;

    public Page {
        targets = List.copyOf(targets);
    }
}
