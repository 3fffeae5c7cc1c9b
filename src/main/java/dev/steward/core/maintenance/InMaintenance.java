package dev.steward.core.maintenance;

/** Why a check or alert is in maintenance: the covering occurrence and the text the UI shows. */
public record InMaintenance(Occurrence occurrence, String reason) {
    static InMaintenance of(Occurrence occurrence) {
        return new InMaintenance(occurrence, occurrence.reason());
    }
}
