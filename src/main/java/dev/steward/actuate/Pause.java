package dev.steward.actuate;

import java.time.Duration;

/**
 * Waits between two attempts of a retried request. The composition root passes a real sleep; tests record the pauses
 * asked for and return at once.
 */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;
}
