package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Map;

/** A transition of one alert, to be stored (timeline, audit) and published (notifications). */
public sealed interface AlertEvent {
    Labels labels();

    Instant at();

    /** Returned by the expression; waiting for {@code for}/{@code fire_after}. */
    record AlertPending(Labels labels, Map<String, String> annotations, double value, Instant at)
            implements AlertEvent {}

    /** Started firing (straight from nothing when {@code for} is zero). */
    record AlertFired(Labels labels, Map<String, String> annotations, double value, Instant activeAt, Instant at)
            implements AlertEvent {}

    /** A firing alert stopped firing. */
    record AlertResolved(Labels labels, Map<String, String> annotations, Instant firedAt, Instant at)
            implements AlertEvent {}

    /** A pending alert went away before it fired (never notified). */
    record AlertCancelled(Labels labels, Instant activeAt, Instant at) implements AlertEvent {}
}
