package dev.steward.store.jdbc;

import dev.steward.core.history.CheckEventStore;
import dev.steward.core.history.CheckEventStoreContract;
import dev.steward.core.rollup.RollupStore;
import dev.steward.core.rollup.RollupStoreContract;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The store contracts on the PostgreSQL server at 127.0.0.1:5432, in a schema created for this class and dropped
 * after it; skipped when the server is absent.
 */
class LocalPostgresStoreTest {
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

    @BeforeEach
    void empty() {
        TestDatabases.emptyTables(database);
    }

    @Nested
    class Rollups extends RollupStoreContract {
        @Override
        protected RollupStore store() {
            return new JdbcRollupStore(database);
        }
    }

    @Nested
    class Events extends CheckEventStoreContract {
        @Override
        protected CheckEventStore store() {
            return new JdbcCheckEventStore(database);
        }
    }

    @Nested
    class Silences extends dev.steward.core.silence.SilenceStoreContract {
        @Override
        protected dev.steward.core.silence.SilenceStore emptyStore() {
            dev.steward.core.silence.SilenceStore store = new JdbcSilenceStore(database);
            store.loadAll().forEach(s -> store.remove(s.id()));
            return store;
        }
    }

    @Nested
    class Outbox extends dev.steward.core.outbox.OutboxStoreContract {
        @Override
        protected dev.steward.core.outbox.OutboxStore emptyStore() {
            database.withHandle(handle -> handle.execute("DELETE FROM outbox"));
            return new JdbcOutboxStore(database);
        }
    }

    @Nested
    class Maintenance extends dev.steward.core.maintenance.MaintenanceStoreContract {
        @Override
        protected dev.steward.core.maintenance.MaintenanceStore emptyStore() {
            database.withHandle(handle -> handle.execute("DELETE FROM maintenance_window"));
            return new JdbcMaintenanceStore(database, dev.steward.cron.UnixCron.INSTANCE);
        }
    }
}
