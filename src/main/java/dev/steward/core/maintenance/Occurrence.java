package dev.steward.core.maintenance;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One opening of a window: from {@code start} (inclusive) to {@code end} (exclusive). */
public record Occurrence(MaintenanceWindow window, Instant start, Instant end) {
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** What the UI shows on a covered check: {@code in maintenance: db upgrade until 04:00}, in the window's zone. */
    public String reason() {
        ZoneId zone = window.schedule() instanceof Schedule.Recurring r ? r.zone() : ZoneOffset.UTC;
        String until = HOUR_MINUTE.format(end.atZone(zone));
        String suffix = zone.equals(ZoneOffset.UTC) ? " UTC" : " " + zone.getId();
        return "in maintenance: " + window.title() + " until " + until + suffix;
    }
}
