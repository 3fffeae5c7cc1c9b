package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.config.CheckId;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.rollup.RollupAccumulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final CheckId API = new CheckId("api", "health");
    private static final Instant T0 = Instant.parse("2026-03-29T00:59:30Z"); // the night clocks go forward in Europe

    @TempDir
    Path dataDir;

    @Test
    void rollupsAndEventsSurviveClosingAndReopeningSqlite() {
        RollupAccumulator accumulator = new RollupAccumulator();
        accumulator.record(API, T0, true, Duration.ofMillis(20));
        accumulator.record(API, T0.plusSeconds(40), false, Duration.ofMillis(900));
        List<Rollup> saved = accumulator.drainAll();
        CheckEvent event = new CheckEvent(T0.plusSeconds(40), API, "up", "down", "status: 503");
        try (Database database = Database.sqlite(dataDir)) {
            new JdbcRollupStore(database).save(saved);
            new JdbcCheckEventStore(database).append(event);
        }

        try (Database reopened = Database.sqlite(dataDir)) {
            JdbcRollupStore rollups = new JdbcRollupStore(reopened);
            assertThat(saved).hasSize(4); // the minutes 00:59 and 01:00, the hours 00:00 and 01:00
            for (Resolution resolution : Resolution.values()) {
                assertThat(rollups.query(API, resolution, T0.minusSeconds(3600), T0.plusSeconds(3600)))
                        .containsExactlyElementsOf(saved.stream()
                                .filter(r -> r.resolution() == resolution)
                                .toList());
            }
            assertThat(new JdbcCheckEventStore(reopened).latest(API)).contains(event);
        }
    }

    @Test
    void aFreshSqliteDatabaseIsMigratedAndAnUpToDateOneOpensWithoutChanges() {
        try (Database fresh = Database.sqlite(dataDir)) {
            assertThat(fresh.migrationsApplied())
                    .isEqualTo(migrationFiles("sqlite").size());
            assertThat(fresh.vendor()).isEqualTo(Vendor.SQLITE);
        }
        try (Database again = Database.sqlite(dataDir)) {
            assertThat(again.migrationsApplied()).isZero();
        }
        assertThat(dataDir.resolve("steward.db")).isRegularFile();
    }

    @Test
    void aFreshPostgresqlSchemaIsMigratedAndAnUpToDateOneOpensWithoutChanges() throws SQLException {
        String schema = TestDatabases.createLocalSchema();
        try {
            try (Database fresh = TestDatabases.openLocal(schema)) {
                assertThat(fresh.migrationsApplied())
                        .isEqualTo(migrationFiles("postgresql").size());
                assertThat(fresh.vendor()).isEqualTo(Vendor.POSTGRESQL);
            }
            try (Database again = TestDatabases.openLocal(schema)) {
                assertThat(again.migrationsApplied()).isZero();
            }
        } finally {
            TestDatabases.dropLocalSchema(schema);
        }
    }

    @Test
    void refusesToStartOnAMigrationThatDiffersFromTheAppliedOne() {
        try (Database database = Database.sqlite(dataDir)) {
            database.withHandle(
                    h -> h.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'"));
        }
        assertThatThrownBy(() -> Database.sqlite(dataDir))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot migrate database jdbc:sqlite:")
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void bothVendorsHaveTheSameMigrations() {
        assertThat(migrationFiles("sqlite")).isNotEmpty().isEqualTo(migrationFiles("postgresql"));
    }

    @Test
    void sqliteRunsInWalModeWithFullSyncAndABusyTimeout() {
        try (Database database = Database.sqlite(dataDir)) {
            assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(database, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(database, "busy_timeout")).isEqualTo(String.valueOf(Database.SQLITE_BUSY_TIMEOUT_MS));
        }
    }

    @Test
    void rejectsAUrlOfAnotherDatabaseAndHidesItsQuery() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://db/steward?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database URL 'jdbc:mysql://db/steward?…': expected jdbc:sqlite:<file> or"
                        + " jdbc:postgresql://<host>[:<port>]/<database>");
    }

    @Test
    void saysWhichDatabaseCouldNotBeReachedWithoutShowingThePassword() {
        assertThatThrownBy(() -> Database.open(
                        "jdbc:postgresql://127.0.0.1:1/steward?password=hunter2&connectTimeout=2",
                        Optional.of("postgres"),
                        Optional.of("hunter3")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot open database jdbc:postgresql://127.0.0.1:1/steward?…: ")
                .hasMessageContaining("Connection")
                .message()
                .doesNotContain("hunter2", "hunter3");
    }

    @Test
    void saysWhyTheDataDirectoryCannotBeCreated() throws IOException {
        Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> Database.sqlite(file.resolve("data")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot create data directory " + file.resolve("data"));
    }

    private static String pragma(Database database, String name) {
        return database.withHandle(
                h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    private static List<String> migrationFiles(String vendor) {
        try (Stream<Path> files = Files.list(Path.of(
                DatabaseTest.class.getResource("/db/migration/" + vendor).toURI()))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError("cannot list migrations of " + vendor, e);
        }
    }
}
