package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.statuspage.Impact;
import dev.steward.core.statuspage.IncidentStatus;
import dev.steward.core.statuspage.PublicIncident;
import dev.steward.core.statuspage.PublicIncidents;
import dev.steward.core.statuspage.StatusPageStore;
import dev.steward.core.statuspage.StatusPageStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The status page store contract on SQLite, the local PostgreSQL server and an embedded PostgreSQL. */
class JdbcStatusPageStoreTest {

    static StatusPageStore emptied(Database database) {
        database.withHandle(handle -> {
            handle.execute("DELETE FROM status_proposal");
            handle.execute("DELETE FROM status_update");
            handle.execute("DELETE FROM status_incident");
            return null;
        });
        return new JdbcStatusPageStore(database);
    }

    @Nested
    class OnSqlite extends StatusPageStoreContract {
        @TempDir
        Path dataDir;

        Database database;

        @BeforeEach
        void open() {
            database = Database.sqlite(dataDir);
        }

        @AfterEach
        void close() {
            database.close();
        }

        @Override
        protected StatusPageStore emptyStore() {
            return emptied(database);
        }

        @Test
        void aPublishedUpdateSurvivesReopeningTheFile() {
            PublicIncident open = PublicIncidents.open(
                    "o1",
                    "Search is slow",
                    Impact.MINOR,
                    List.of("Search"),
                    IncidentStatus.IDENTIFIED,
                    "We are rebuilding the index.",
                    "alice",
                    Instant.parse("2028-12-31T23:59:59Z"));
            new JdbcStatusPageStore(database).save(open);
            database.close();
            database = Database.sqlite(dataDir);

            assertThat(new JdbcStatusPageStore(database).get("o1")).contains(open);
            assertThat(new JdbcStatusPageStore(database).active()).containsExactly(open);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnLocalPostgres extends StatusPageStoreContract {
        String schema;
        Database database;

        @BeforeAll
        void createSchema() {
            schema = TestDatabases.createLocalSchema();
            database = TestDatabases.openLocal(schema);
        }

        @AfterAll
        void dropSchema() throws SQLException {
            if (database != null) {
                database.close();
            }
            if (schema != null) {
                TestDatabases.dropLocalSchema(schema);
            }
        }

        @Override
        protected StatusPageStore emptyStore() {
            return emptied(database);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnEmbeddedPostgres extends StatusPageStoreContract {
        EmbeddedPostgres postgres;
        Database database;

        @BeforeAll
        void start() throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            database = Database.open(
                    postgres.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"), Optional.empty());
        }

        @AfterAll
        void stop() throws IOException {
            if (database != null) {
                database.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }

        @Override
        protected StatusPageStore emptyStore() {
            return emptied(database);
        }
    }
}
