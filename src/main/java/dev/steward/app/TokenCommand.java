package dev.steward.app;

import dev.steward.api.AccessApi;
import dev.steward.api.ApiException;
import dev.steward.api.TokenMint;
import dev.steward.core.access.ApiToken;
import dev.steward.core.access.Role;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAccessStore;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code steward token create|list|revoke}: API tokens, straight in the daemon's store. */
@Command(
        name = "token",
        description = "Manage API tokens in the daemon's store (offline; the daemon may be running).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(
            name = "create",
            description = "Create a token and print it once on standard output (only its hash is stored). "
                    + "Use it as Authorization: Bearer <token>, or in STEWARD_TOKEN for the CLI.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or admin.")
        String role;

        @Option(
                names = "--expires",
                paramLabel = "DURATION",
                defaultValue = "90d",
                description = "Lifetime (90d, 12h, ...) or never. Default: ${DEFAULT-VALUE}.")
        String expires;

        @CommandLine.Mixin
        StoreArgs store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            List<ApiException.FieldError> errors = new ArrayList<>();
            Optional<Role> r = Role.parse(role);
            Optional<Duration> lifetime = AccessApi.lifetime(expires, errors);
            if (r.isEmpty() || !errors.isEmpty() || !ApiToken.NAME.matcher(name).matches()) {
                return OnCallCommand.usageError(
                        err,
                        r.isEmpty()
                                ? "--role " + role + ": expected " + Role.EXPECTED
                                : !errors.isEmpty()
                                        ? "--expires " + expires
                                                + ": expected a positive duration such as 90d, or never"
                                        : "--name " + name + ": expected 1 to 64 letters, digits, spaces or ._:@-");
            }
            ApiToken.Issued issued = new TokenMint(new SecureRandom())
                    .issue(name, r.get(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), lifetime);
            try (Database db = store.open()) {
                new JdbcAccessStore(db).addToken(issued.token());
                CliAudit.record(
                        db,
                        "token.create",
                        "token/" + issued.token().id(),
                        "",
                        "{\"id\":\"" + issued.token().id() + "\",\"role\":\""
                                + r.get().label() + "\"}");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(issued.text());
            out.flush();
            err.printf(
                    "steward token create: token %s (%s, %s), %s; shown once, keep it now%n",
                    issued.token().id(),
                    name,
                    r.get().label(),
                    issued.token().expiresAt().map(t -> "expires " + t).orElse("never expires"));
            err.flush();
            return 0;
        }
    }

    @Command(name = "list", description = "List tokens (id, name, role, expiry, last use; never the secret).")
    static final class ListTokens implements Callable<Integer> {
        @CommandLine.Mixin
        StoreArgs store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = store.open()) {
                out.printf("%-14s %-9s %-22s %-22s %s%n", "ID", "ROLE", "EXPIRES", "LAST USED", "NAME");
                for (ApiToken t : new JdbcAccessStore(db).tokens()) {
                    out.printf(
                            "%-14s %-9s %-22s %-22s %s%n",
                            t.id(),
                            t.role().label(),
                            t.expiresAt().map(Instant::toString).orElse("never"),
                            t.lastUsedAt().map(Instant::toString).orElse("-"),
                            t.name());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", description = "Delete a token. Exit 0 deleted, 1 no such token.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The token's id.")
        String id;

        @CommandLine.Mixin
        StoreArgs store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            boolean removed;
            try (Database db = store.open()) {
                removed = new JdbcAccessStore(db).removeToken(id);
                if (removed) {
                    CliAudit.record(db, "token.revoke", "token/" + id, "{\"id\":\"" + id + "\"}", "");
                }
            }
            err.println(removed ? "steward token revoke: deleted " + id : "steward token revoke: no token " + id);
            err.flush();
            return removed ? 0 : 1;
        }
    }
}
