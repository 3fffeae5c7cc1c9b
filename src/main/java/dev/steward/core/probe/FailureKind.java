package dev.steward.core.probe;

import java.util.Locale;

/** Why a probe failed, in a fixed vocabulary that doubles as a metric label value. */
public enum FailureKind {
    /** The host name did not resolve. */
    DNS,
    /** The connection was refused, reset or could not be opened (includes authentication refused by a server). */
    CONNECT,
    /** The TLS handshake or certificate validation failed. */
    TLS,
    /** No answer within the check's timeout. */
    TIMEOUT,
    /** The target answered with a bad status: HTTP status, health status DOWN, non-zero exit code. */
    STATUS,
    /** An {@code expect} condition failed. */
    ASSERTION,
    /** The target answered something that is not the expected protocol (bad JSON, unexpected reply). */
    PROTOCOL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
