package dev.steward.core.route;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.List;

/**
 * "Notify {@code receiver} about these alerts of this group": the output of {@link GroupPolicy#next}. {@code
 * resolved} is empty when the receiver does not want resolved alerts; both lists are in label order.
 */
public record Notification(
        String receiver, GroupKey group, Labels groupLabels, List<Alert> firing, List<Alert> resolved, Instant at) {
    public Notification {
        firing = List.copyOf(firing);
        resolved = List.copyOf(resolved);
    }
}
