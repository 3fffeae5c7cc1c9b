package dev.steward.core.statuspage;

import java.util.Locale;
import java.util.Optional;

/** How bad a public incident is, with Atlassian Statuspage's names, from least to most. */
public enum Impact {
    NONE,
    MINOR,
    MAJOR,
    CRITICAL;

    public static final String EXPECTED = "none, minor, major or critical";

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Impact> parse(String text) {
        for (Impact i : values()) {
            if (i.label().equals(text)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public static Impact worst(Impact a, Impact b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
