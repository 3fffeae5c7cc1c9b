package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.audit.AuditDraft;
import dev.steward.core.audit.AuditRecord;
import dev.steward.core.audit.AuditStore;
import dev.steward.core.audit.AuditStoreContract;
import dev.steward.core.audit.AuditVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The audit store contract on SQLite, the local PostgreSQL server and an embedded PostgreSQL. */
class JdbcAuditStoreTest {

    static AuditStore emptied(Database database) {
        database.withHandle(handle -> {
            handle.execute("DELETE FROM audit_record");
            handle.execute("DELETE FROM audit_checkpoint");
            return null;
        });
        return new JdbcAuditStore(database);
    }

    @Nested
    class OnSqlite extends AuditStoreContract {
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
        protected AuditStore emptyStore() {
            return emptied(database);
        }

        @Test
        void recordsSurviveReopeningTheFile() {
            AuditRecord r = new JdbcAuditStore(database).append(draft("alice"));
            database.close();
            database = Database.sqlite(dataDir);

            assertThat(new JdbcAuditStore(database).all()).containsExactly(r);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnLocalPostgres extends AuditStoreContract {
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
        protected AuditStore emptyStore() {
            return emptied(database);
        }

        @Test
        void twoDaemonsAppendingToOneDatabaseKeepOneChain() throws Exception {
            emptied(database);
            try (Database other = TestDatabases.openLocal(schema)) {
                List<Callable<Void>> writers = new ArrayList<>();
                for (Database db : List.of(database, other, database, other)) {
                    JdbcAuditStore store = new JdbcAuditStore(db);
                    writers.add(() -> {
                        for (int i = 0; i < 15; i++) {
                            store.append(draft("writer"));
                        }
                        return null;
                    });
                }
                try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                    for (Future<Void> f : pool.invokeAll(writers)) {
                        f.get();
                    }
                }
            }

            List<AuditRecord> all = new JdbcAuditStore(database).all();
            assertThat(all).hasSize(60);
            assertThat(AuditVerifier.verify(all, List.of(), new byte[] {1}).problems())
                    .isEmpty();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnEmbeddedPostgres extends AuditStoreContract {
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
        protected AuditStore emptyStore() {
            return emptied(database);
        }
    }

    static AuditDraft draft(String actor) {
        return new AuditDraft(Instant.parse("2026-11-24T10:00:00Z"), actor, "cli", "config.reload", "config", "", "");
    }
}
