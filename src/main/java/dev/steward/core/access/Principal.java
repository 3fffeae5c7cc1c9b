package dev.steward.core.access;

/**
 * Who made a request: a user (HTTP Basic, or a console session after logging in), an API token, or nobody known when access control is open (loopback only,
 * no credentials defined).
 *
 * @param name the user name, or the token's name prefixed with {@code token:}
 */
public record Principal(String name, Role role, Kind kind) {
    public enum Kind {
        USER,
        TOKEN,
        /** A user logged in to the console: the session cookie authenticates, changes need the CSRF token too. */
        SESSION,
        /** Access control is open: every request acts as admin. */
        OPEN
    }

    public static Principal open() {
        return new Principal("local", Role.ADMIN, Kind.OPEN);
    }
}
