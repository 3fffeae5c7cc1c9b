package dev.steward.core.probe;

import java.util.Optional;

/**
 * Why a probe failed.
 *
 * @param message a human-readable explanation ({@code connection refused to 127.0.0.1:5000})
 * @param condition the {@code expect} condition that failed, if any
 * @param seen the value seen, if any
 */
public record Failure(FailureKind kind, String message, Optional<String> condition, Optional<String> seen) {

    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, message, Optional.empty(), Optional.empty());
    }

    /** One line: {@code assertion: status == 200 (seen 503)}. */
    public String describe() {
        StringBuilder b = new StringBuilder(kind.label()).append(": ");
        b.append(condition.orElse(message));
        seen.ifPresent(s -> b.append(" (seen ").append(s).append(')'));
        return b.toString();
    }
}
