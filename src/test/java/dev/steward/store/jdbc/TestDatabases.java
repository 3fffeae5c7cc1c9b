package dev.steward.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** Databases for the store tests: empty tables between tests, a schema of its own on the shared local server. */
final class TestDatabases {
    static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {}

    static void emptyTables(Database database) {
        database.withHandle(handle -> {
            handle.execute("DELETE FROM check_rollup");
            handle.execute("DELETE FROM check_event");
            handle.execute("DELETE FROM outbox");
            return null;
        });
    }

    /**
     * A fresh schema on the PostgreSQL server at 127.0.0.1:5432 (user postgres, database test, trust auth), or the
     * test is skipped when that server does not answer.
     */
    static String createLocalSchema() {
        String schema =
                "steward_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = localConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 as user postgres, database test ("
                    + e.getMessage() + "): start it (apt-get install postgresql, trust auth for 127.0.0.1,"
                    + " createdb -U postgres test) to run this test");
        }
        return schema;
    }

    static Database openLocal(String schema) {
        return Database.open(LOCAL_POSTGRES + "?currentSchema=" + schema, Optional.of("postgres"), Optional.empty());
    }

    static void dropLocalSchema(String schema) throws SQLException {
        try (Connection c = localConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Connection localConnection() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(LOCAL_POSTGRES, "postgres", "");
    }
}
