package dev.steward.core.check;

import java.util.Locale;

/** The status of a check, of a service or of the stack, ordered from best to worst for {@link #worst}. */
public enum CheckStatus {
    UP,
    MAINTENANCE,
    UNKNOWN,
    DEGRADED,
    DOWN;

    public static CheckStatus worst(CheckStatus a, CheckStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
