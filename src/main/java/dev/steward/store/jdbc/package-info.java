/**
 * The SQL adapter for Steward's stores: {@link dev.steward.store.jdbc.Database} (a HikariCP pool, Flyway migrations
 * from {@code db/migration/<vendor>}, JDBI) over SQLite by default or PostgreSQL by URL, and the JDBC implementations
 * of the core's store ports ({@link dev.steward.store.jdbc.JdbcRollupStore}, {@link
 * dev.steward.store.jdbc.JdbcCheckEventStore}, {@link dev.steward.store.jdbc.JdbcOutboxStore}, {@link dev.steward.store.jdbc.JdbcIncidentStore}...). Instants are stored
 * as epoch milliseconds so both databases read the same. What is stored, and how it merges, is decided in {@code
 * dev.steward.core}; nothing here decides.
 */
package dev.steward.store.jdbc;
