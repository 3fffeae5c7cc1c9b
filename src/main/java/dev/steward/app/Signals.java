package dev.steward.app;

import org.slf4j.LoggerFactory;

/** SIGHUP handling, through the JDK's unsupported but stable {@code sun.misc.Signal}. */
final class Signals {
    private Signals() {}

    static void onHangup(Runnable action) {
        try {
            sun.misc.Signal.handle(
                    new sun.misc.Signal("HUP"), s -> Thread.ofVirtual().start(action));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(Signals.class)
                    .warn("SIGHUP reload is not available on this platform ({}); use POST /-/reload", e.getMessage());
        }
    }
}
