package dev.steward.amapi;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.List;

/** The alerts Steward holds, for {@code GET /api/v2/alerts}. */
public interface AlertSource {
    /** An alert with what Steward knows about it besides its content. */
    record HeldAlert(PostedAlert alert, Instant updatedAt, List<String> receivers, List<String> inhibitedBy) {
        public HeldAlert {
            receivers = List.copyOf(receivers);
            inhibitedBy = List.copyOf(inhibitedBy);
        }
    }

    /** An aggregation group, for {@code GET /api/v2/alerts/groups}: its group labels, receiver and alerts. */
    record HeldGroup(Labels labels, String receiver, List<HeldAlert> alerts) {
        public HeldGroup {
            alerts = List.copyOf(alerts);
        }
    }

    List<HeldAlert> alerts();

    /** The aggregation groups; none where nothing is routed. */
    default List<HeldGroup> groups() {
        return List.of();
    }
}
