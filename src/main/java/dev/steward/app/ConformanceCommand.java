package dev.steward.app;

import dev.steward.promql.ConformanceRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code steward conformance promql PATH…}: runs PromQL test files (Prometheus's format) against Steward's engine. */
@Command(
        name = "conformance",
        description = "Run conformance test files against Steward's engines.",
        subcommands = {ConformanceCommand.Promql.class})
final class ConformanceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "promql",
            description = "Run PromQL test files (files or directories of .test files, Prometheus's promqltest "
                    + "format). Prints passed/failed/skipped per file and in total. Exit 0 only when nothing failed; "
                    + "2 when a path cannot be read.")
    static final class Promql implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files or directories.")
        List<Path> paths;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (Path p : paths) {
                if (!Files.isReadable(p)) {
                    err.printf("%s: cannot read; expected a .test file or a directory of them%n", p);
                    err.flush();
                    return 2;
                }
            }
            var report = ConformanceRunner.run(paths);
            report.print(out);
            out.flush();
            return report.ok() ? 0 : 1;
        }
    }
}
