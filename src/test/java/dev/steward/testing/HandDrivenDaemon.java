package dev.steward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Daemon;
import dev.steward.app.DaemonOptions;
import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real daemon on a random loopback port, driven by a hand-moved clock: no background threads, probes run on the
 * calling thread, and the test moves time with {@link #runUntil}.
 */
public final class HandDrivenDaemon {
    private HandDrivenDaemon() {}

    public static Daemon start(Path stackFile, Path dataDir, ManualClock clock) {
        return start(stackFile, dataDir, clock, cfg -> {});
    }

    /** With extra routes (the demo's fault API). */
    public static Daemon start(Path stackFile, Path dataDir, ManualClock clock, Consumer<JavalinConfig> routes) {
        return switch (launch(stackFile, dataDir, clock, routes)) {
            case Daemon.Started.Running r -> r.daemon();
            case Daemon.Started.Invalid i -> throw new AssertionError(String.join("\n", i.errors()));
        };
    }

    /** Starts the daemon or reports why its stack file was refused (for tests of the refusal). */
    public static Daemon.Started launch(
            Path stackFile, Path dataDir, ManualClock clock, Consumer<JavalinConfig> routes) {
        DaemonOptions options = new DaemonOptions(
                stackFile,
                dataDir,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "127.0.0.1",
                0,
                DaemonOptions.DEFAULT_RETENTION,
                DaemonOptions.DEFAULT_BUDGET);
        var wiring = new Daemon.Wiring(clock, System::nanoTime, new DirectExecutorService(), false);
        return Daemon.start(options, routes, wiring);
    }

    /**
     * Moves the clock to each due instant up to {@code until} and runs what is due there. The clock never goes back (a
     * due instant already past runs now), and a loop that stays due 10,000 times fails instead of spinning.
     */
    public static void runUntil(Daemon daemon, ManualClock clock, Instant until) {
        for (int i = 0; ; i++) {
            assertThat(i).as("ticks before " + until + " (something stays due)").isLessThan(10_000);
            Optional<Instant> next = daemon.nextDue();
            if (next.isEmpty() || next.get().isAfter(until)) {
                clock.set(until);
                daemon.tick();
                return;
            }
            clock.set(next.get().isBefore(clock.instant()) ? clock.instant() : next.get());
            daemon.tick();
        }
    }
}
