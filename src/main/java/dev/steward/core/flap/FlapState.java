package dev.steward.core.flap;

import java.time.Instant;

/**
 * A check's flap detection: the last {@link FlapPolicy#WINDOW} results as bits (bit 0 the newest, set when that result
 * changed the state), and whether the check is flapping.
 */
public sealed interface FlapState {
    FlapState INITIAL = new Steady(0);

    int window();

    /** Not flapping. */
    record Steady(int window) implements FlapState {}

    /** Flapping since {@code since}. */
    record Flapping(int window, Instant since) implements FlapState {}

    /** The weighted state-change percentage of the window. */
    default double percent() {
        return FlapPolicy.percent(window());
    }

    default boolean flapping() {
        return switch (this) {
            case Steady s -> false;
            case Flapping f -> true;
        };
    }
}
