package dev.steward.core.access;

import java.util.regex.Pattern;

/**
 * A person who logs in with a password (HTTP Basic for curl and amtool; the web console later).
 *
 * @param passwordHash in the hasher's own self-describing format ({@code $argon2id$...} or {@code $2a$...})
 * @param source where the user is defined: the stack file's are read-only through the API
 */
public record User(String name, Role role, String passwordHash, Source source) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final String NAME_EXPECTED = "lower-case letters, digits, '.', '_' or '-', at most 64";

    public enum Source {
        STORE,
        STACK_FILE
    }

    @Override
    public String toString() {
        return "User[" + name + ", " + role.label() + ", " + source + "]"; // never the hash
    }
}
