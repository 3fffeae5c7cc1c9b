package dev.steward.store.jdbc;

/**
 * Another transaction changed what this one relied on (a row seen a moment ago is gone); {@link
 * Database#inTransaction} runs the transaction again.
 */
final class ConcurrentChangeException extends RuntimeException {
    ConcurrentChangeException(String message) {
        super(message);
    }
}
