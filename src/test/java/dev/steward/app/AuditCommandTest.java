package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.api.AuditApi;
import dev.steward.audit.AuditKey;
import dev.steward.audit.AuditLog;
import dev.steward.core.audit.CheckpointPolicy;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcAuditStore;
import dev.steward.store.jdbc.JdbcSettingStore;
import dev.steward.testing.ManualClock;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward audit verify} on a SQLite store that the test tampers with through plain JDBC, as someone with access
 * to the file would; {@code steward audit list} against the audit API on a free loopback port.
 */
class AuditCommandTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-31T23:58:00Z"));

    @TempDir
    Path data;

    /** Seven records by alice and bob; checkpoints at seq 3 and 6. */
    @BeforeEach
    void writeLog() {
        try (Database db = Database.sqlite(data)) {
            byte[] key = AuditKey.storedOrCreated(new JdbcSettingStore(db));
            AuditLog log =
                    new AuditLog(new JdbcAuditStore(db), key, new CheckpointPolicy(3, Duration.ofHours(1)), clock);
            for (int i = 1; i <= 7; i++) {
                clock.advance(Duration.ofSeconds(30));
                log.record(
                        i % 2 == 0 ? "alice" : "bob",
                        "10.0.0." + i,
                        "incident.ack",
                        "incident/inc-" + i,
                        "{\"state\":\"triggered\"}",
                        "{\"state\":\"acknowledged\"}");
            }
        }
    }

    private void tamper(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("steward.db"));
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    @Test
    void anUntouchedLogVerifiesWithExitZeroAndSaysWhatIsNotYetCheckpointed() {
        Cli cli = Cli.run("audit", "verify", "--data", data.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out())
                .startsWith("audit log intact: 7 records, last valid checkpoint at seq 6")
                .contains("the last 1 record(s) are not yet checkpointed");
    }

    @Test
    void anUpdatedAndADeletedRowAreNamedWithTheirSequence() throws Exception {
        tamper("UPDATE audit_record SET actor = 'mallory' WHERE seq = 2", "DELETE FROM audit_record WHERE seq = 4");

        Cli cli = Cli.run("audit", "verify", "--data", data.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        assertThat(cli.out())
                .contains("audit log NOT intact: 2 problem(s) in 6 records")
                .contains(
                        "  seq 2: altered: its fields no longer give its hash (incident.ack incident/inc-2 by mallory")
                .contains("  seq 4: deleted: seq 4 missing (the log goes on at seq 5)");
    }

    @Test
    void swappedSequencesAreReportedAsReordered() throws Exception {
        tamper(
                "UPDATE audit_record SET seq = -1 WHERE seq = 2",
                "UPDATE audit_record SET seq = 2 WHERE seq = 5",
                "UPDATE audit_record SET seq = 5 WHERE seq = -1");

        Cli cli = Cli.run("audit", "verify", "--data", data.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        assertThat(cli.out())
                .contains("  seq 2: reordered: stored as seq 2 but written as seq 5")
                .contains("  seq 5: reordered: stored as seq 5 but written as seq 2");
    }

    @Test
    void aTailCutBackPastACheckpointIsReportedAsTruncated() throws Exception {
        tamper("DELETE FROM audit_record WHERE seq >= 5");

        Cli cli = Cli.run("audit", "verify", "--data", data.toString(), "--format", "json");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        assertThat(cli.out())
                .contains("\"intact\":false")
                .contains("{\"seq\":5,\"kind\":\"truncated\",\"detail\":\"seq 5 to 6 missing at the end of the log");
    }

    @Test
    void aCheckpointRewrittenWithoutTheKeyIsInvalid() throws Exception {
        tamper("UPDATE audit_checkpoint SET hash = (SELECT hash FROM audit_record WHERE seq = 2) WHERE seq = 3");

        Cli cli = Cli.run("audit", "verify", "--store", "jdbc:sqlite:" + data.resolve("steward.db"));

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        assertThat(cli.out()).contains("  seq 3: checkpoint invalid: the signature of the checkpoint made");
    }

    @Test
    void aKeyFileOtherThanTheDaemonsMakesEveryCheckpointInvalid() throws Exception {
        Path keyFile = Files.writeString(data.resolve("other.key"), "not the key\n");

        Cli cli = Cli.run("audit", "verify", "--data", data.toString(), "--key-file", keyFile.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        assertThat(cli.out()).contains("seq 3: checkpoint invalid").contains("seq 6: checkpoint invalid");
    }

    @Test
    void aMissingStoreKeyOrKeyFileIsAUsageError() throws Exception {
        Cli noStore =
                Cli.run("audit", "verify", "--data", data.resolve("nowhere").toString());
        Cli noKeyFile = Cli.run("audit", "verify", "--data", data.toString(), "--key-file", "/nonexistent/key");
        tamper("DELETE FROM setting WHERE name = 'audit_key'");
        Cli noKey = Cli.run("audit", "verify", "--data", data.toString());

        assertThat(noStore.exitCode()).isEqualTo(2);
        assertThat(noStore.err()).contains("no store in").contains("nowhere");
        assertThat(Files.exists(data.resolve("nowhere"))).isFalse();
        assertThat(noKeyFile.exitCode()).as(noKeyFile.transcript()).isEqualTo(2);
        assertThat(noKeyFile.err()).contains("/nonexistent/key");
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("no checkpoint key").contains("audit_key");
    }

    @Test
    void listReadsTheDaemonsApiWithFiltersAndSaysWhereTheNextPageStarts() {
        try (Database db = Database.sqlite(data)) {
            AuditLog log = new AuditLog(
                    new JdbcAuditStore(db),
                    AuditKey.storedOrCreated(new JdbcSettingStore(db)),
                    CheckpointPolicy.DEFAULTS,
                    clock);
            AuditApi api = new AuditApi(log);
            Javalin app = Javalin.create(cfg -> {
                        cfg.startup.showJavalinBanner = false;
                        api.mount(cfg);
                    })
                    .start("127.0.0.1", 0);
            try {
                String server = "http://127.0.0.1:" + app.port();
                Cli alice = Cli.run("audit", "list", "--server", server, "--actor", "alice", "--limit", "2");
                Cli bad = Cli.run("audit", "list", "--server", server, "--limit", "5000");

                assertThat(alice.exitCode()).as(alice.transcript()).isZero();
                assertThat(alice.out().lines())
                        .hasSize(4)
                        .element(1)
                        .asString()
                        .startsWith("6      2027-01-01T00:01:00Z     alice            10.0.0.6         incident.ack");
                assertThat(alice.out()).contains("more: --before 4");
                assertThat(bad.exitCode()).isEqualTo(2);
                assertThat(bad.err()).contains("limit: 5000; expected an integer from 1 to 1000");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void listWithoutADaemonIsAConnectionError() {
        Cli cli = Cli.run("audit", "list", "--server", "http://127.0.0.1:1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("cannot reach");
    }
}
