package dev.steward.probe.http;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Reads the certificate facts of a TLS session. */
final class PeerCertificates {
    private PeerCertificates() {}

    /** The earliest {@code notAfter} of the peer's chain (as blackbox_exporter's earliest cert expiry). */
    static Optional<TlsFacts> facts(SSLSession session, Instant now) {
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
        Instant earliest = null;
        for (Certificate c : chain) {
            if (c instanceof X509Certificate x) {
                Instant notAfter = x.getNotAfter().toInstant();
                if (earliest == null || notAfter.isBefore(earliest)) {
                    earliest = notAfter;
                }
            }
        }
        if (earliest == null) {
            return Optional.empty();
        }
        return Optional.of(new TlsFacts(earliest, Duration.between(now, earliest), session.getProtocol()));
    }
}
