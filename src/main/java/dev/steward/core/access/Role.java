package dev.steward.core.access;

import java.util.Locale;
import java.util.Optional;

/** What a user or token may do, each role including the ones before it. */
public enum Role {
    /** Reads everything the API shows. */
    VIEWER,
    /** Reads, and changes the running state: acknowledges incidents, silences, maintenance, reloads. */
    OPERATOR,
    /** Everything, including users and tokens. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The name used in the API, the CLI and the stack file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role r : values()) {
            if (r.label().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static final String EXPECTED = "viewer, operator or admin";
}
