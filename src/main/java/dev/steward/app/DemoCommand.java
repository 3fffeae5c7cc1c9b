package dev.steward.app;

import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.LocalServers;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code steward demo}: starts a small demo stack on loopback, writes its stack file where the user can read it, and
 * runs Steward on it with the embedded store, with the fault API mounted at {@code /demo/faults}.
 */
@Command(name = "demo", description = "Run a self-contained demo stack watched by Steward (loopback only).")
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "" + DaemonOptions.DEFAULT_PORT,
            description = "Steward's HTTP port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "steward-demo",
            description = "Where the generated stack file and the demo's data go. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        DemoStack demo = DemoStack.start(DemoOptions.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "steward-demo-shutdown"));
        Path stackFile = dir.resolve("stack.yml");
        URI faults = URI.create("http://127.0.0.1:" + port + "/demo/faults");
        DemoStackFile.forStack(demo, LocalServers.detect()).withFaultApi(faults).writeTo(stackFile);
        err.print(demo.summary());
        err.printf("steward demo: stack file written to %s%n", stackFile.toAbsolutePath());
        err.printf("  status:  curl -s http://127.0.0.1:%d/api/v1/status%n", port);
        err.printf("  a fault: curl -s -X POST %s -d '{\"service\":\"api\",\"fault\":\"down\"}'%n", faults);
        err.printf("  clear:   curl -s -X DELETE %s%n", faults);
        String server = "--server http://127.0.0.1:" + port;
        err.printf("  deploy a good version (promoted):%n");
        err.printf("           steward deploy start checkout 1.1.0 --env staging --stable 1.0.0 %s --watch%n", server);
        err.printf("  deploy a bad one (5xx on 20 %% of its requests: rolled back with the reason):%n");
        err.printf("           steward deploy start checkout 1.2.0-bad --env staging %s --watch%n", server);
        err.flush();
        DaemonOptions options = new DaemonOptions(
                stackFile,
                dir.resolve("data"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DaemonOptions.DEFAULT_HOST,
                port,
                DaemonOptions.DEFAULT_RETENTION,
                DaemonOptions.DEFAULT_BUDGET);
        return RunCommand.runUntilStopped(options, demo.faultApi()::mount, err, d -> {});
    }
}
