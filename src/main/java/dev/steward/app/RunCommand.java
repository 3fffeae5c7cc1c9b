package dev.steward.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steward run}: the daemon, until SIGTERM or SIGINT; SIGHUP reloads the stack file. */
@Command(name = "run", description = "Run the daemon. Exit non-zero on a configuration error, listing every error.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The stack file.")
    Path config;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "steward-data",
            description = "Data directory for the embedded SQLite store. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "" + DaemonOptions.DEFAULT_PORT,
            description = "HTTP port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDR",
            defaultValue = DaemonOptions.DEFAULT_HOST,
            description = "Address to listen on (0.0.0.0 for all). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = "--store",
            paramLabel = "JDBC_URL",
            description =
                    "A JDBC URL for the store instead of SQLite in --data (jdbc:postgresql://host/db, or "
                            + "jdbc:sqlite:/path/file.db); user and password from STEWARD_STORE_USER and STEWARD_STORE_PASSWORD.")
    String store;

    @Option(
            names = "--retention",
            paramLabel = "DURATION",
            defaultValue = "15d",
            description = "How long in-memory samples are kept (ms, s, m, h, d, w; 1h30m). Default: ${DEFAULT-VALUE}.")
    String retention;

    @Option(
            names = "--memory-budget",
            paramLabel = "MiB",
            defaultValue = "256",
            description = "Budget for compressed samples in memory, in MiB. Default: ${DEFAULT-VALUE}.")
    long budgetMiB;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> keep = DurationArg.parse(retention);
        if (keep.isEmpty() || budgetMiB <= 0) {
            err.println(
                    keep.isEmpty()
                            ? "--retention " + retention + ": expected a positive duration such as 15d, 12h, 1h30m"
                            : "--memory-budget " + budgetMiB + ": expected a positive number of MiB");
            err.flush();
            return 2;
        }
        DaemonOptions options = new DaemonOptions(
                config,
                data,
                Optional.ofNullable(store),
                Optional.ofNullable(System.getenv("STEWARD_STORE_USER")),
                Optional.ofNullable(System.getenv("STEWARD_STORE_PASSWORD")),
                host,
                port,
                keep.get(),
                budgetMiB << 20);
        return runUntilStopped(options, cfg -> {}, err, d -> {});
    }

    /** Starts the daemon, installs the signal handlers and blocks until the process is told to stop. */
    static int runUntilStopped(
            DaemonOptions options,
            java.util.function.Consumer<io.javalin.config.JavalinConfig> routes,
            PrintWriter err,
            java.util.function.Consumer<Daemon> onStarted)
            throws InterruptedException {
        Daemon.Started started;
        try {
            started = Daemon.start(options, routes);
        } catch (RuntimeException e) {
            err.println("steward: could not start: " + e.getMessage());
            err.flush();
            return 1;
        }
        if (started instanceof Daemon.Started.Invalid invalid) {
            ValidateCommand.printErrors(err, invalid.errors());
            return 2;
        }
        Daemon daemon = ((Daemon.Started.Running) started).daemon();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            daemon.close();
                            stopped.countDown();
                        },
                        "steward-shutdown"));
        Signals.onHangup(() -> daemon.reload("SIGHUP"));
        err.printf(
                "steward: watching stack %s (%d checks); API on http://%s:%d, console on http://%s:%d/ui%n",
                daemon.config().stack(),
                daemon.config().allChecks().size(),
                options.host(),
                daemon.port(),
                options.host(),
                daemon.port());
        err.flush();
        onStarted.accept(daemon);
        stopped.await();
        return 0;
    }
}
