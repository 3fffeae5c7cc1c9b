package dev.steward.probe.http;

import java.time.Duration;
import java.time.Instant;

/**
 * What the TLS session of an HTTPS answer showed.
 *
 * @param earliestNotAfter the earliest {@code notAfter} among the peer's certificates
 * @param expiry {@code earliestNotAfter} minus the time of the probe (negative when already expired)
 * @param protocol the negotiated protocol ({@code TLSv1.3})
 */
public record TlsFacts(Instant earliestNotAfter, Duration expiry, String protocol) {}
