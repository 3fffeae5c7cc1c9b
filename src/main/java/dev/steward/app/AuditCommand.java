package dev.steward.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code steward audit verify|list}: check the tamper-evident audit log, or read it through the daemon's API. */
@Command(
        name = "audit",
        description = "Verify the audit log (offline, from the store) or list it (from a running daemon).",
        subcommands = {AuditVerifyCommand.class, AuditListCommand.class})
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a subcommand: verify, list");
    }
}
