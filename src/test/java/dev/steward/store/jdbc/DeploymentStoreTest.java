package dev.steward.store.jdbc;

import dev.steward.core.deploy.DeploymentStore;
import dev.steward.core.deploy.DeploymentStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The deployment store contract on SQLite (reopened for the restart case), embedded and local PostgreSQL. */
class DeploymentStoreTest {
    static DeploymentStore emptied(Database database) {
        database.withHandle(handle -> {
            handle.execute("DELETE FROM deployment_timeline");
            handle.execute("DELETE FROM deployment");
            return null;
        });
        return new JdbcDeploymentStore(database);
    }

    @Nested
    class OnSqlite extends DeploymentStoreContract {
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
        protected DeploymentStore emptyStore() {
            return emptied(database);
        }

        @Override
        protected Optional<DeploymentStore> reopened() {
            database.close();
            database = Database.sqlite(dataDir);
            return Optional.of(new JdbcDeploymentStore(database));
        }
    }

    @Nested
    class OnEmbeddedPostgres extends DeploymentStoreContract {
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
        protected DeploymentStore emptyStore() {
            return emptied(database);
        }
    }

    @Nested
    class OnLocalPostgres extends DeploymentStoreContract {
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
        protected DeploymentStore emptyStore() {
            return emptied(database);
        }
    }
}
