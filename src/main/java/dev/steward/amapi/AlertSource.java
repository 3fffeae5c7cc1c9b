package dev.steward.amapi;

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

    List<HeldAlert> alerts();
}
