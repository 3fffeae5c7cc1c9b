package dev.steward.store.jdbc;

/** The database could not be opened or migrated: the message says which one (redacted) and why. */
public final class DatabaseUnavailableException extends RuntimeException {
    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
