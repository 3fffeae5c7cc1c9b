package dev.steward.core.config;

import java.util.Objects;

/**
 * A string that may contain secret material resolved from {@code ${env:NAME}} or {@code ${file:PATH}} references.
 * {@link #reveal()} gives the resolved text to the adapter that needs it; {@link #toString()} gives the redacted form,
 * in which every reference stays as written ({@code "Bearer ${env:API_TOKEN}"}), so it is safe to log and to show in
 * the API.
 */
public final class Secret {
    private final String resolved;
    private final String redacted;

    private Secret(String resolved, String redacted) {
        this.resolved = Objects.requireNonNull(resolved, "resolved");
        this.redacted = Objects.requireNonNull(redacted, "redacted");
    }

    /** A value with secret parts: {@code redacted} is what may be shown. */
    public static Secret of(String resolved, String redacted) {
        return new Secret(resolved, redacted);
    }

    /** A value without secret parts: shown as it is. */
    public static Secret plain(String value) {
        return new Secret(value, value);
    }

    public String reveal() {
        return resolved;
    }

    public boolean isSecret() {
        return !resolved.equals(redacted);
    }

    @Override
    public String toString() {
        return redacted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.resolved.equals(resolved) && s.redacted.equals(redacted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resolved, redacted);
    }
}
