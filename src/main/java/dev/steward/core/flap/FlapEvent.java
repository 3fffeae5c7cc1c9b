package dev.steward.core.flap;

import java.time.Duration;
import java.time.Instant;

/** A check started or stopped flapping; {@code percent} is the weighted state-change percentage that decided it. */
public sealed interface FlapEvent {
    Instant at();

    double percent();

    record FlappingStarted(Instant at, double percent) implements FlapEvent {}

    /** Stopped flapping (below the low threshold, or detection was turned off) after {@code lasted}. */
    record FlappingStopped(Instant at, double percent, Duration lasted) implements FlapEvent {}
}
