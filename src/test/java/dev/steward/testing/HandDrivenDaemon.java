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
        Daemon.Started started = Daemon.start(options, routes, wiring);
        assertThat(started).as("%s", started).isInstanceOf(Daemon.Started.Running.class);
        return ((Daemon.Started.Running) started).daemon();
    }

    /** Moves the clock to each due instant up to {@code until} and runs what is due there. */
    public static void runUntil(Daemon daemon, ManualClock clock, Instant until) {
        while (true) {
            Optional<Instant> next = daemon.nextDue();
            if (next.isEmpty() || next.get().isAfter(until)) {
                clock.set(until);
                daemon.tick();
                return;
            }
            clock.set(next.get());
            daemon.tick();
        }
    }
}
