package dev.steward.store.jdbc;

import dev.steward.core.history.CheckEventStore;
import dev.steward.core.history.CheckEventStoreContract;
import dev.steward.core.rollup.RollupStore;
import dev.steward.core.rollup.RollupStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The store contracts on a SQLite file in a fresh temporary directory per test. */
class SqliteStoreTest {
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
