package dev.steward.core.statuspage;

import java.util.Locale;

/**
 * A component's public status, with Atlassian Statuspage's names. {@link #severity()} orders them for incidents:
 * maintenance is planned and announced, so it counts as no worse than operational.
 */
public enum ComponentStatus {
    OPERATIONAL(0, "Operational"),
    UNDER_MAINTENANCE(0, "Under maintenance"),
    DEGRADED_PERFORMANCE(1, "Degraded performance"),
    PARTIAL_OUTAGE(2, "Partial outage"),
    MAJOR_OUTAGE(3, "Major outage");

    private final int severity;
    private final String text;

    ComponentStatus(int severity, String text) {
        this.severity = severity;
        this.text = text;
    }

    public int severity() {
        return severity;
    }

    /** The name in the API and the feeds: {@code partial_outage}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words on the page: {@code Partial outage}. */
    public String text() {
        return text;
    }

    /** The worse of two; between equal severities, maintenance shows over operational. */
    public static ComponentStatus worst(ComponentStatus a, ComponentStatus b) {
        if (a.severity != b.severity) {
            return a.severity > b.severity ? a : b;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The impact of an incident whose worst component is in this status. */
    public Impact impact() {
        return switch (this) {
            case OPERATIONAL, UNDER_MAINTENANCE -> Impact.NONE;
            case DEGRADED_PERFORMANCE -> Impact.MINOR;
            case PARTIAL_OUTAGE -> Impact.MAJOR;
            case MAJOR_OUTAGE -> Impact.CRITICAL;
        };
    }
}
