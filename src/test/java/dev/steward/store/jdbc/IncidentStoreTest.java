package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.incident.IncidentStore;
import dev.steward.core.incident.IncidentStoreContract;
import dev.steward.core.incident.Scenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident store contract on SQLite, an embedded PostgreSQL and the local PostgreSQL server. */
class IncidentStoreTest {
    static IncidentStore emptied(Database database) {
        database.withHandle(handle -> {
            handle.execute("DELETE FROM incident_timeline");
            handle.execute("DELETE FROM incident");
            return null;
        });
        return new JdbcIncidentStore(database);
    }

    @Nested
    class OnSqlite extends IncidentStoreContract {
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
        protected IncidentStore emptyStore() {
            return emptied(database);
        }

        @Test
        void openIncidentsSurviveARestartWithTheirTimelines() {
            IncidentStore store = emptyStore();
            Scenario s = Scenario.standard();
            s.notify(Duration.ZERO, List.of(Scenario.alert("a")), List.of());
            s.tick(Duration.ofMinutes(5));
            store.saveAll(s.incidents.values());
            database.close();

            database = Database.sqlite(dataDir);

            assertThat(new JdbcIncidentStore(database).loadOpen()).containsExactly(s.only());
        }
    }

    @Nested
    class OnEmbeddedPostgres extends IncidentStoreContract {
        static EmbeddedPostgres postgres;
        static Database database;

        @BeforeAll
        static void start() throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            database = Database.open(
                    postgres.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"), Optional.empty());
        }

        @AfterAll
        static void stop() throws IOException {
            if (database != null) {
                database.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }

        @Override
        protected IncidentStore emptyStore() {
            return emptied(database);
        }
    }

    @Nested
    class OnLocalPostgres extends IncidentStoreContract {
        static String schema;
        static Database database;

        @BeforeAll
        static void createSchema() {
            schema = TestDatabases.createLocalSchema();
            database = TestDatabases.openLocal(schema);
        }

        @AfterAll
        static void dropSchema() throws SQLException {
            if (database != null) {
                database.close();
            }
            if (schema != null) {
                TestDatabases.dropLocalSchema(schema);
            }
        }

        @Override
        protected IncidentStore emptyStore() {
            return emptied(database);
        }
    }
}
