package dev.steward.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Steward's command line. Every subcommand returns its exit code; {@code run} and {@code demo} block. */
@Command(
        name = "steward",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // --help and --version on every subcommand too
        versionProvider = Main.VersionProvider.class,
        description = "Watches every component of a service stack and tells you what is wrong.",
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            ValidateCommand.class,
            CheckCommand.class,
            QueryCommand.class,
            IncidentCommand.class,
            DeployCommand.class,
            MaintenanceCommand.class,
            ConformanceCommand.class,
            TestRulesCommand.class,
            OnCallCommand.class,
            AuditCommand.class,
            UserCommand.class,
            TokenCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** Runs the command line writing to {@code out} and {@code err} (null: standard streams); returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> 2);
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"steward " + Version.get() + " (Java " + Runtime.version() + ")"};
        }
    }
}
