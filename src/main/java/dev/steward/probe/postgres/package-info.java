/**
 * The {@code postgres} probe: a fresh JDBC connection (PostgreSQL driver, through {@code DriverManager}) and one query
 * per probe, bounded by the check's timeout. No pool: a probe tests that a new client can connect.
 */
package dev.steward.probe.postgres;
