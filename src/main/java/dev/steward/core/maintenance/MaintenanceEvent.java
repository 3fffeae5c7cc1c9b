package dev.steward.core.maintenance;

import java.time.Instant;

/** A window opening or closing, so that the daemon can re-evaluate everything in scope when one ends. */
public sealed interface MaintenanceEvent {
    Instant at();

    Occurrence occurrence();

    record Started(Occurrence occurrence) implements MaintenanceEvent {
        @Override
        public Instant at() {
            return occurrence.start();
        }
    }

    record Ended(Occurrence occurrence) implements MaintenanceEvent {
        @Override
        public Instant at() {
            return occurrence.end();
        }
    }
}
