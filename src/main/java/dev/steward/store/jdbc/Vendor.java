package dev.steward.store.jdbc;

import java.util.Locale;
import java.util.Optional;

/** The databases Steward can keep its state in, with the few SQL differences the stores must know. */
public enum Vendor {
    SQLITE("jdbc:sqlite:", ""),
    /** Row locks ({@code FOR UPDATE}) serialise concurrent merges of the same row. */
    POSTGRESQL("jdbc:postgresql:", " FOR UPDATE");

    private final String urlPrefix;
    private final String lockClause;

    Vendor(String urlPrefix, String lockClause) {
        this.urlPrefix = urlPrefix;
        this.lockClause = lockClause;
    }

    /** The folder of this vendor's migrations under {@code db/migration}. */
    public String migrationFolder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Appended to a {@code SELECT} that reads a row to rewrite it in the same transaction. Empty for SQLite, where
     * every write transaction starts with {@code BEGIN IMMEDIATE} and so already holds the database's write lock.
     */
    String lockClause() {
        return lockClause;
    }

    static Optional<Vendor> fromUrl(String url) {
        for (Vendor v : values()) {
            if (url.startsWith(v.urlPrefix)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
