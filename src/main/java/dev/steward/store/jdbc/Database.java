package dev.steward.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * An open, migrated database: a HikariCP pool, the Flyway migrations of its {@link Vendor} applied (and the applied
 * ones validated against the classpath), and JDBI on top.
 *
 * <p>SQLite is opened in WAL mode (readers never wait for the writer) with {@code synchronous=FULL}, so a transaction
 * that has returned is on disk even after a power loss ({@code NORMAL} would only survive a process crash, and
 * Steward promises that nothing it acknowledged is lost). Every SQLite transaction begins {@code IMMEDIATE}: it takes
 * the single write lock at its start, so two read-modify-write transactions never deadlock on a lock upgrade; a
 * writer waits for another up to {@value #SQLITE_BUSY_TIMEOUT_MS} ms ({@code busy_timeout}).
 */
public final class Database implements AutoCloseable {
    static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    private static final int SQLITE_POOL_SIZE = 4;
    private static final int POSTGRESQL_POOL_SIZE = 8;
    private static final int TRANSACTION_ATTEMPTS = 5;

    private final Vendor vendor;
    private final String description;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final int migrationsApplied;

    private Database(Vendor vendor, String description, HikariDataSource pool, int migrationsApplied) {
        this.vendor = vendor;
        this.description = description;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.migrationsApplied = migrationsApplied;
    }

    /** Opens {@code <dataDir>/steward.db}, creating the directory and the file if needed. */
    public static Database sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DatabaseUnavailableException(
                    "cannot create data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
        return open("jdbc:sqlite:" + dataDir.resolve("steward.db").toAbsolutePath());
    }

    public static Database open(String url) {
        return open(url, Optional.empty(), Optional.empty());
    }

    /**
     * Opens the database at {@code url} ({@code jdbc:sqlite:/path/steward.db} or {@code
     * jdbc:postgresql://host:port/db}) and applies any pending migration.
     *
     * @throws IllegalArgumentException for a URL of another database
     * @throws DatabaseUnavailableException when it cannot be reached or migrated
     */
    public static Database open(String url, Optional<String> user, Optional<String> password) {
        String description = redact(url);
        Vendor vendor = Vendor.fromUrl(url)
                .orElseThrow(() -> new IllegalArgumentException("unsupported database URL '" + description
                        + "': expected jdbc:sqlite:<file> or jdbc:postgresql://<host>[:<port>]/<database>"));
        HikariConfig config = new HikariConfig();
        config.setPoolName("steward-" + vendor.migrationFolder());
        if (vendor == Vendor.SQLITE) {
            config.setDataSource(sqliteDataSource(url));
            config.setMaximumPoolSize(SQLITE_POOL_SIZE);
        } else {
            config.setJdbcUrl(url);
            user.ifPresent(config::setUsername);
            password.ifPresent(config::setPassword);
            config.setMaximumPoolSize(POSTGRESQL_POOL_SIZE);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot open database " + description + ": " + rootMessage(e), e);
        }
        try {
            return new Database(vendor, description, pool, migrate(pool, vendor));
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseUnavailableException("cannot migrate database " + description + ": " + rootMessage(e), e);
        }
    }

    private static SQLiteDataSource sqliteDataSource(String url) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        sqlite.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static int migrate(HikariDataSource pool, Vendor vendor) {
        return Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/" + vendor.migrationFolder())
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** How many migrations this open applied: all of them on a fresh database, none on an up-to-date one. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs {@code work} in a transaction, again from the start (up to {@value #TRANSACTION_ATTEMPTS} times) when
     * PostgreSQL aborts it for a deadlock or a serialization failure, or when {@code work} throws a {@link
     * ConcurrentChangeException}: only running it again can resolve those.
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= TRANSACTION_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    /** Runs {@code work} on a connection of the pool, without a transaction of its own. */
    public <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrentChangeException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The URL without its query string (which may hold a password), for logs and errors. */
    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    /** For stores: the lock clause of this vendor, see {@link Vendor#lockClause()}. */
    String lockClause() {
        return vendor.lockClause();
    }
}
