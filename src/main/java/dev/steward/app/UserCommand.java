package dev.steward.app;

import dev.steward.core.access.Role;
import dev.steward.core.access.User;
import dev.steward.password.Argon2PasswordHasher;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAccessStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steward user add}: users who log in with a password, written straight into the daemon's store. */
@Command(
        name = "user",
        description = "Manage users in the daemon's store (offline; the daemon may be running).",
        subcommands = {UserCommand.Add.class})
final class UserCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(
            name = "add",
            description = "Add a user. The password is read from standard input (first line) or prompted for on a "
                    + "terminal; never from the command line. Exit 0 added, 1 exists, 2 usage error.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or admin.")
        String role;

        @CommandLine.Mixin
        StoreArgs store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<Role> r = Role.parse(role);
            if (r.isEmpty()) {
                return OnCallCommand.usageError(err, "--role " + role + ": expected " + Role.EXPECTED);
            }
            if (!User.NAME.matcher(name).matches()) {
                return OnCallCommand.usageError(err, "user name " + name + ": expected " + User.NAME_EXPECTED);
            }
            Optional<String> password = readPassword(err);
            if (password.isEmpty() || password.get().length() < 8) {
                return OnCallCommand.usageError(err, "steward user add: expected a password of at least 8 characters");
            }
            var hasher = new Argon2PasswordHasher();
            try (Database db = store.open()) {
                boolean added = new JdbcAccessStore(db)
                        .addUser(new User(name, r.get(), hasher.hash(password.get()), User.Source.STORE));
                if (!added) {
                    err.println("steward user add: user " + name + " exists");
                    err.flush();
                    return 1;
                }
                CliAudit.record(
                        db,
                        "user.create",
                        "user/" + name,
                        "",
                        "{\"name\":\"" + name + "\",\"role\":\"" + r.get().label() + "\",\"source\":\"store\"}");
            }
            err.println("steward user add: added " + name + " (" + r.get().label() + ")");
            err.flush();
            return 0;
        }

        private static Optional<String> readPassword(PrintWriter err) {
            Console console = System.console();
            if (console != null && console.isTerminal()) {
                char[] first = console.readPassword("Password: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    err.println("steward user add: the passwords differ");
                    return Optional.empty();
                }
                return Optional.of(new String(first));
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return Optional.ofNullable(line);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
