package dev.steward.app;

import dev.steward.core.config.StackConfig;
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
        switch (StackLoading.load(config)) {
            case StackLoading.Outcome.Loaded ok -> {
                StackConfig c = ok.config();
                int rules = ok.groups().stream().mapToInt(g -> g.rules().size()).sum();
                out.printf(
                        "%s: valid: stack %s, %d services, %d checks, %d rule groups (%d rules, built-in check alerts"
                                + " included)%n",
                        config,
                        c.stack(),
                        c.services().size(),
                        c.allChecks().size(),
                        ok.groups().size(),
                        rules);
                out.flush();
                dev.steward.actuate.Actuators.close(ok.actuators().values());
                return 0;
            }
            case StackLoading.Outcome.Invalid invalid -> {
                printErrors(err, invalid.formatted());
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
