package dev.steward.probe;

import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Maps what a client library threw to the fixed failure vocabulary. Libraries wrap the interesting exception at
 * various depths ({@code ConnectException} caused by {@code UnresolvedAddressException}, {@code SSLHandshakeException}
 * caused by a {@code SocketTimeoutException}), so the whole cause chain is searched, most specific kind first: DNS,
 * TIMEOUT, TLS, CONNECT, PROTOCOL.
 */
public final class FailureClassifier {
    private FailureClassifier() {}

    /** The failure for {@code thrown} while probing {@code target}, with a message that names the target. */
    public static Failure classify(Throwable thrown, String target) {
        List<Throwable> chain = chain(thrown);
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return Failure.of(FailureKind.DNS, "cannot resolve the host name of " + target + detail(t));
            }
        }
        for (Throwable t : chain) {
            if (isTimeout(t)) {
                return Failure.of(FailureKind.TIMEOUT, "no answer from " + target + " in time" + detail(t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException
                    || t instanceof CertificateException
                    || t instanceof GeneralSecurityException) {
                return Failure.of(FailureKind.TLS, "TLS with " + target + " failed: " + deepestMessage(chain, t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Failure.of(FailureKind.CONNECT, "connection refused by " + target + detail(t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ProtocolException) {
                return Failure.of(FailureKind.PROTOCOL, target + " answered outside the protocol" + detail(t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SocketException || t instanceof EOFException || t instanceof ClosedChannelException) {
                return Failure.of(FailureKind.CONNECT, "connection to " + target + " lost" + detail(t));
            }
        }
        if (thrown instanceof IOException) {
            return Failure.of(FailureKind.CONNECT, "connection to " + target + " failed" + detail(thrown));
        }
        return Failure.of(FailureKind.PROTOCOL, "probe of " + target + " failed" + detail(thrown));
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof HttpTimeoutException
                || t instanceof SocketTimeoutException
                || t instanceof TimeoutException
                || t instanceof InterruptedByTimeoutException;
    }

    private static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The message of the innermost cause under {@code from} that has one: the root cause says the most. */
    private static String deepestMessage(List<Throwable> chain, Throwable from) {
        String message = null;
        for (int i = chain.indexOf(from); i < chain.size(); i++) {
            String m = chain.get(i).getMessage();
            if (m != null && !m.isBlank()) {
                message = m;
            }
        }
        return message == null ? from.getClass().getSimpleName() : message;
    }

    private static String detail(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? "" : " (" + m + ")";
    }
}
