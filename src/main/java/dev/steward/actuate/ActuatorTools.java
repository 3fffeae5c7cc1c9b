package dev.steward.actuate;

import dev.steward.notify.SecretResolver;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What providers are built with, handed over by the composition root: how {@code ${env:}}/{@code ${file:}} references
 * in settings resolve, wall time (request signatures), a monotonic ticker (durations, deadlines), how to wait between
 * retries, and the configuration file's name that errors carry.
 */
public record ActuatorTools(SecretResolver secrets, InstantSource clock, Ticker ticker, Pause pause, String source) {
    public ActuatorTools {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(source, "source");
    }
}
