package dev.steward.core.deploy;

import java.time.Duration;

/** How long a step holds before the next one: not at all, for a duration, or until an operator promotes. */
public sealed interface Pause {
    Pause NONE = new For(Duration.ZERO);

    record For(Duration duration) implements Pause {}

    record UntilPromoted() implements Pause {}
}
