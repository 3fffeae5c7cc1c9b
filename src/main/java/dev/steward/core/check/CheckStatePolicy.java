package dev.steward.core.check;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.probe.Failure;
import java.time.Duration;
import java.util.Optional;

/**
 * Moves a check between UNKNOWN, UP and DOWN. A first success makes an UNKNOWN check UP at once; failures must repeat
 * {@code fail_after} times in a row (probed every {@code retry_interval} meanwhile) before the check is DOWN; a DOWN
 * check needs {@code recover_after} successes in a row to be UP again.
 */
public final class CheckStatePolicy {
    private CheckStatePolicy() {}

    /** The next state, the event if the status changed, and the delay until the next probe. */
    public record Transition(CheckState state, Optional<CheckStatusChanged> event, Duration nextDelay) {}

    public static Transition apply(CheckConfig check, CheckState state, ProbeResult result) {
        CheckState next = next(check, state, result);
        Optional<CheckStatusChanged> event = next.status() == state.status()
                ? Optional.empty()
                : Optional.of(new CheckStatusChanged(
                        check.id(), result.at(), state.status(), next.status(), reason(state, result)));
        Duration delay = next.confirming() ? check.retryInterval() : check.interval();
        return new Transition(next, event, delay);
    }

    private static CheckState next(CheckConfig check, CheckState state, ProbeResult result) {
        return switch (result) {
            case ProbeResult.Passed p -> onSuccess(check, state, p);
            case ProbeResult.Failed f -> onFailure(check, state, f);
        };
    }

    private static CheckState onSuccess(CheckConfig check, CheckState state, ProbeResult.Passed p) {
        return switch (state) {
            case CheckState.Unknown u -> new CheckState.Up(p.at(), 0, Optional.empty());
            case CheckState.Up u -> u.failures() == 0 ? u : new CheckState.Up(u.since(), 0, Optional.empty());
            case CheckState.Down d ->
                d.successes() + 1 >= check.recoverAfter()
                        ? new CheckState.Up(p.at(), 0, Optional.empty())
                        : new CheckState.Down(d.since(), d.cause(), d.successes() + 1);
        };
    }

    private static CheckState onFailure(CheckConfig check, CheckState state, ProbeResult.Failed f) {
        Failure failure = f.failure();
        return switch (state) {
            case CheckState.Unknown u ->
                u.failures() + 1 >= check.failAfter()
                        ? new CheckState.Down(f.at(), failure, 0)
                        : new CheckState.Unknown(u.failures() + 1, Optional.of(failure));
            case CheckState.Up u ->
                u.failures() + 1 >= check.failAfter()
                        ? new CheckState.Down(f.at(), failure, 0)
                        : new CheckState.Up(u.since(), u.failures() + 1, Optional.of(failure));
            case CheckState.Down d -> new CheckState.Down(d.since(), failure, 0);
        };
    }

    private static String reason(CheckState before, ProbeResult result) {
        return switch (result) {
            case ProbeResult.Passed p -> before instanceof CheckState.Down ? "recovered" : "first result: up";
            case ProbeResult.Failed f -> f.failure().describe();
        };
    }
}
