package dev.steward.app;

import dev.steward.core.config.StackConfig;
import dev.steward.stackfile.LoadResult;
import dev.steward.stackfile.StackFileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steward validate}: checks a stack file with the daemon's own loader. Exit 0 valid, 2 invalid. */
@Command(name = "validate", description = "Check a stack file; lists every error. Exit 0 valid, 2 invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The stack file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = StackFileLoader.fromSystem().load(config);
        switch (result) {
            case LoadResult.Loaded ok -> {
                StackConfig c = ok.config();
                out.printf(
                        "%s: valid: stack %s, %d services, %d checks%n",
                        config, c.stack(), c.services().size(), c.allChecks().size());
                out.flush();
                return 0;
            }
            case LoadResult.Invalid invalid -> {
                printErrors(err, StackFileLoader.format(invalid));
                return 2;
            }
        }
    }

    static void printErrors(PrintWriter err, List<String> errors) {
        errors.forEach(err::println);
        err.printf("%d error%s%n", errors.size(), errors.size() == 1 ? "" : "s");
        err.flush();
    }
}
