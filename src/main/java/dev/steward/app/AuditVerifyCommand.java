package dev.steward.app;

import dev.steward.api.AuditApi;
import dev.steward.audit.AuditKey;
import dev.steward.core.audit.AuditProblem;
import dev.steward.core.audit.AuditReport;
import dev.steward.core.audit.AuditVerifier;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.DatabaseUnavailableException;
import dev.steward.store.jdbc.JdbcAuditStore;
import dev.steward.store.jdbc.JdbcSettingStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code steward audit verify}: opens the store directly, as the daemon does (it may run meanwhile), and checks the
 * whole audit log and its checkpoints. The checkpoint key comes from {@code --key-file}, or else from the store's
 * {@code audit_key} setting, where the daemon keeps the key it generated when none was configured.
 */
@Command(
        name = "verify",
        description = "Check the audit log's hash chain and signed checkpoints, reading the store directly."
                + " Exit 0 intact, 1 problems found (each printed with its seq), 2 usage or store error.")
final class AuditVerifyCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "steward-data",
            description = "The daemon's data directory (its SQLite store). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(
            names = "--store",
            paramLabel = "JDBC_URL",
            description = "The daemon's store URL instead of --data; user and password from STEWARD_STORE_USER and"
                    + " STEWARD_STORE_PASSWORD.")
    String store;

    @Option(
            names = "--key-file",
            paramLabel = "FILE",
            description = "The checkpoint key (the file's text). Default: the key kept in the store.")
    Path keyFile;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    CheckCommand.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = open()) {
            JdbcAuditStore audit = new JdbcAuditStore(db);
            Optional<byte[]> key = key(db);
            if (key.isEmpty()) {
                if (audit.latest().isEmpty() && audit.latestCheckpoint().isEmpty()) {
                    return print(AuditVerifier.verify(java.util.List.of(), java.util.List.of(), new byte[] {0}));
                }
                return fail("no checkpoint key: the store keeps none (setting '" + AuditKey.SETTING
                        + "') and no --key-file was given");
            }
            return print(AuditVerifier.verify(audit.all(), audit.checkpoints(), key.get()));
        } catch (StoreMissing | IOException | DatabaseUnavailableException | IllegalArgumentException e) {
            return fail(e.getMessage());
        } finally {
            err.flush();
        }
    }

    private Database open() throws StoreMissing {
        if (store != null) {
            return Database.open(
                    store,
                    Optional.ofNullable(System.getenv("STEWARD_STORE_USER")),
                    Optional.ofNullable(System.getenv("STEWARD_STORE_PASSWORD")));
        }
        // opening would create an empty store, which would verify as intact: a wrong --data must say so
        if (!Files.isRegularFile(data.resolve("steward.db"))) {
            throw new StoreMissing("no store in " + data.toAbsolutePath() + " (expected steward.db there); give the"
                    + " daemon's --data or --store");
        }
        return Database.sqlite(data);
    }

    private Optional<byte[]> key(Database db) throws IOException {
        if (keyFile != null) {
            return Optional.of(AuditKey.fromFile(keyFile));
        }
        return AuditKey.stored(new JdbcSettingStore(db));
    }

    private int print(AuditReport r) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == CheckCommand.Format.json) {
            out.println(JsonMapper.builder().build().writeValueAsString(AuditApi.report(r)));
        } else if (r.intact()) {
            out.printf("audit log intact: %d records%s%n", r.records(), protection(r));
        } else {
            out.printf(
                    "audit log NOT intact: %d problem(s) in %d records%n",
                    r.problems().size(), r.records());
            for (AuditProblem p : r.problems()) {
                out.println("  " + p);
            }
            out.println("checked:" + protection(r));
        }
        out.flush();
        return r.intact() ? 0 : 1;
    }

    private static String protection(AuditReport r) {
        String checkpoint = r.lastCheckpoint()
                .map(c -> ", last valid checkpoint at seq " + c.seq() + " (" + c.at() + ")")
                .orElse(", no valid checkpoint");
        return checkpoint
                + (r.unprotected() == 0
                        ? ""
                        : "; the last " + r.unprotected()
                                + " record(s) are not yet checkpointed: cutting them off would go unnoticed");
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("steward audit verify: " + message);
        return 2;
    }

    private static final class StoreMissing extends Exception {
        StoreMissing(String message) {
            super(message);
        }
    }
}
