package dev.steward.core.statuspage;

import java.util.Locale;
import java.util.Optional;

/** The status a public update gives its incident, with Atlassian Statuspage's names. */
public enum IncidentStatus {
    INVESTIGATING("Investigating"),
    IDENTIFIED("Identified"),
    MONITORING("Monitoring"),
    RESOLVED("Resolved");

    public static final String EXPECTED = "investigating, identified, monitoring or resolved";
    private final String text;

    IncidentStatus(String text) {
        this.text = text;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String text() {
        return text;
    }

    public static Optional<IncidentStatus> parse(String text) {
        for (IncidentStatus s : values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
