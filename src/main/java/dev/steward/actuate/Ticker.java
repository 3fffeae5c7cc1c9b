package dev.steward.actuate;

/**
 * A monotonic clock in nanoseconds, for durations only (how long an actuation took, how much of a timeout is left).
 * The composition root passes {@code System::nanoTime}; tests pass a hand-driven one.
 */
@FunctionalInterface
public interface Ticker {
    long read();
}
