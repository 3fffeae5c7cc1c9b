package dev.steward.core.flap;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Icinga 2's flap detection (since 2.8): of the last 20 results, those that changed the check's state are summed with
 * weights rising linearly from 0.8 for the oldest by 0.02 a step (1.18 for the newest), and the sum is expressed as a
 * percentage of 20. A steady check starts flapping when the percentage exceeds the high threshold; a flapping one stops
 * when it is no longer above the low threshold. With fewer than 20 results the missing ones count as unchanged. A
 * change on every result gives 99 %; one change among 20 steady results gives 4 % to 5.9 % depending on its age.
 *
 * <p>How the daemon uses it: feed every check result (whether the probe's up/down verdict differs from the previous
 * one, as Icinga compares consecutive results) and keep the state with the check's. On {@code FlappingStarted} send
 * one notice ("api/health is flapping: 42 % state changes"); while the check is flapping, its status changes still show
 * in the UI, the API and the timeline but create no pages and no incident transitions; on {@code FlappingStopped} send
 * one notice with the status the check settled in, and page from then on if that status calls for it.
 */
public final class FlapPolicy {
    public static final int WINDOW = 20;
    private static final int MASK = (1 << WINDOW) - 1;

    private FlapPolicy() {}

    /** The next state and the transition, if any, after one result that did ({@code changed}) or did not change. */
    public record Step(FlapState state, Optional<FlapEvent> event) {}

    public static Step next(FlapSettings settings, FlapState state, boolean changed, Instant at) {
        int window = ((state.window() << 1) | (changed ? 1 : 0)) & MASK;
        double p = percent(window);
        return switch (state) {
            case FlapState.Steady s ->
                settings.enabled() && p > settings.high()
                        ? new Step(
                                new FlapState.Flapping(window, at), Optional.of(new FlapEvent.FlappingStarted(at, p)))
                        : new Step(new FlapState.Steady(window), Optional.empty());
            case FlapState.Flapping f ->
                settings.enabled() && p > settings.low()
                        ? new Step(new FlapState.Flapping(window, f.since()), Optional.empty())
                        : new Step(
                                new FlapState.Steady(window),
                                Optional.of(new FlapEvent.FlappingStopped(at, p, Duration.between(f.since(), at))));
        };
    }

    /** The weighted state-change percentage of a window (bit 0 the newest result). */
    public static double percent(int window) {
        double sum = 0;
        for (int age = 0; age < WINDOW; age++) {
            if ((window & (1 << age)) != 0) {
                int fromOldest = WINDOW - 1 - age;
                sum += 0.8 + 0.02 * fromOldest;
            }
        }
        return 100.0 * sum / WINDOW;
    }
}
