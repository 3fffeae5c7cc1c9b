package dev.steward.core.access;

/** What a route asks of the caller. */
public sealed interface Requirement {
    /** No credentials needed: health, Prometheus's scrape target, signed incident links. */
    record Anonymous(String why) implements Requirement {}

    /** A user or token with at least {@code role}. */
    record AtLeast(Role role) implements Requirement {}

    static Requirement anonymous(String why) {
        return new Anonymous(why);
    }

    static Requirement atLeast(Role role) {
        return new AtLeast(role);
    }
}
