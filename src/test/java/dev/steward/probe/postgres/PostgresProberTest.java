package dev.steward.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.Secret;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.probe.ClosedPort;
import dev.steward.probe.SilentServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresProberTest {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration MARGIN = Duration.ofMillis(250);
    static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/test";

    static EmbeddedPostgres embedded;
    final PostgresProber prober = new PostgresProber();

    /** An embedded PostgreSQL where role {@code probe} must give its password (scram), unlike the trusted rest. */
    @BeforeAll
    static void startEmbedded() throws Exception {
        embedded = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(dir -> {
                    Path hba = dir.toPath().resolve("pg_hba.conf");
                    try {
                        String rules = Files.readString(hba);
                        Files.writeString(hba, "host all probe 127.0.0.1/32 scram-sha-256\n" + rules);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .start();
        try (Connection c = embedded.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE ROLE probe LOGIN PASSWORD 'right-password'");
        }
    }

    @AfterAll
    static void stopEmbedded() throws IOException {
        embedded.close();
    }

    static String embeddedUrl() {
        return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
    }

    static void assumeLocalPostgres() {
        try (Socket s = new Socket("127.0.0.1", 5432)) {
            // reachable
        } catch (IOException e) {
            Assumptions.abort("PostgreSQL is not listening on 127.0.0.1:5432 (install postgresql, create database"
                    + " test, trust auth for user postgres)");
        }
    }

    static ProbeSpec.Postgres spec(String url, String user, String password, String query) {
        return new ProbeSpec.Postgres(
                url, Optional.of(user), Optional.ofNullable(password).map(p -> Secret.of(p, "${env:PGPASS}")), query);
    }

    @Test
    void localServerAnswersTheQueryWithRowsValueAndVersion() {
        assumeLocalPostgres();

        ProbeObservation result =
                prober.probe(spec(LOCAL, "postgres", null, "select 41 + 1 union all select 7"), TIMEOUT);

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("rows")).contains(Value.num(2));
        assertThat(result.observation().fact("value")).contains(Value.num(42));
        assertThat(result.observation().fact("server_version"))
                .hasValueSatisfying(v -> assertThat(v.toString()).matches("\"\\d+.*"));
        assertThat(result.observation().fact("latency")).contains(Value.dur(result.latency()));
    }

    @Test
    void aTextValueIsText() {
        assumeLocalPostgres();

        ProbeObservation result = prober.probe(spec(LOCAL, "postgres", null, "select current_database()"), TIMEOUT);

        assertThat(result.observation().fact("value")).contains(Value.text("test"));
    }

    @Test
    void aSlowQueryIsCancelledAtTheTimeout() {
        assumeLocalPostgres();
        long start = System.nanoTime();

        ProbeObservation result = prober.probe(spec(LOCAL, "postgres", null, "select pg_sleep(10)"), TIMEOUT);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(f.message()).contains("127.0.0.1:5432/test");
        });
        assertThat(took).isLessThan(TIMEOUT.plus(MARGIN));
    }

    @Test
    void aQueryTheServerRejectsIsAProtocolFailureWithTheSqlState() {
        assumeLocalPostgres();

        ProbeObservation result = prober.probe(spec(LOCAL, "postgres", null, "select * from no_such_table"), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(f.message()).contains("no_such_table").contains("42P01");
        });
    }

    @Test
    void embeddedServerAcceptsTheRightPassword() {
        ProbeObservation result = prober.probe(spec(embeddedUrl(), "probe", "right-password", "select 1"), TIMEOUT);

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("value")).contains(Value.num(1));
        assertThat(result.observation().fact("server_version"))
                .hasValueSatisfying(v -> assertThat(v.toString()).startsWith("\"17."));
    }

    @Test
    void aWrongPasswordIsAConnectFailureWithTheServerMessageAndNoPassword() {
        ProbeObservation result = prober.probe(spec(embeddedUrl(), "probe", "wrong-password", "select 1"), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CONNECT);
            assertThat(f.message()).contains("password authentication failed for user \"probe\"");
            assertThat(f.message()).doesNotContain("wrong-password");
        });
    }

    @Test
    void aMissingDatabaseIsAConnectFailure() {
        String url = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/nope";

        ProbeObservation result = prober.probe(spec(url, "postgres", null, "select 1"), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CONNECT);
            assertThat(f.message()).contains("\"nope\"");
        });
    }

    @Test
    void aClosedPortIsAConnectFailure() {
        String url = "jdbc:postgresql://127.0.0.1:" + ClosedPort.pick() + "/test";

        ProbeObservation result = prober.probe(spec(url, "postgres", null, "select 1"), TIMEOUT);

        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.CONNECT));
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            String url = "jdbc:postgresql://127.0.0.1:" + silent.port() + "/test?password=in-url";
            long start = System.nanoTime();

            ProbeObservation result = prober.probe(spec(url, "postgres", null, "select 1"), TIMEOUT);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
                assertThat(f.message()).doesNotContain("in-url");
            });
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(MARGIN));
        }
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        ProbeObservation result = prober.probe(
                spec("jdbc:postgresql://nonexistent.invalid:5432/test", "postgres", null, "select 1"), TIMEOUT);

        assertThat(result.failure())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.DNS));
    }
}
