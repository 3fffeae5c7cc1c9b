package dev.steward.store.jdbc;

import dev.steward.core.history.CheckEventStore;
import dev.steward.core.history.CheckEventStoreContract;
import dev.steward.core.rollup.RollupStore;
import dev.steward.core.rollup.RollupStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The store contracts on an embedded PostgreSQL (zonky), one server for the class, tables emptied per test. */
class EmbeddedPostgresStoreTest {
    static EmbeddedPostgres postgres;
    static Database database;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database =
                Database.open(postgres.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"), Optional.empty());
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
