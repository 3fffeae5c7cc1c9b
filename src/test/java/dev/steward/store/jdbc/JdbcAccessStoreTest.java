package dev.steward.store.jdbc;

import dev.steward.core.access.AccessStore;
import dev.steward.core.access.AccessStoreContract;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The access store contract on SQLite and on the local PostgreSQL (skipped when that server is absent). */
class JdbcAccessStoreTest {
    private static void empty(Database database) {
        database.withHandle(h -> {
            h.execute("DELETE FROM access_user");
            h.execute("DELETE FROM api_token");
            return null;
        });
    }

    @Nested
    class Sqlite extends AccessStoreContract {
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
        protected AccessStore emptyStore() {
            return new JdbcAccessStore(database);
        }
    }

    @Nested
    class Postgres extends AccessStoreContract {
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
        protected AccessStore emptyStore() {
            empty(database);
            return new JdbcAccessStore(database);
        }
    }
}
