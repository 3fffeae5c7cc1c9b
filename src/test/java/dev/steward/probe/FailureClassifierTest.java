package dev.steward.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.probe.FailureKind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    static FailureKind kind(Throwable t) {
        return FailureClassifier.classify(t, "db:5432").kind();
    }

    @Test
    void anUnresolvedAddressUnderAConnectExceptionIsDns() {
        ConnectException wrapper = new ConnectException();
        wrapper.initCause(new UnresolvedAddressException());

        assertThat(kind(wrapper)).isEqualTo(FailureKind.DNS);
        assertThat(kind(new UnknownHostException("db"))).isEqualTo(FailureKind.DNS);
    }

    @Test
    void aRefusedConnectionIsConnectAndNamesTheTarget() {
        var failure = FailureClassifier.classify(new ConnectException("Connection refused"), "db:5432");

        assertThat(failure.kind()).isEqualTo(FailureKind.CONNECT);
        assertThat(failure.message()).isEqualTo("connection refused by db:5432 (Connection refused)");
    }

    @Test
    void aTimeoutDuringTheHandshakeIsATimeoutNotATlsFailure() {
        assertThat(kind(new SSLHandshakeException("handshake", new SocketTimeoutException("Read timed out"))))
                .isEqualTo(FailureKind.TIMEOUT);
        assertThat(kind(new HttpConnectTimeoutException("connect timed out"))).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void aCertificateProblemIsTlsWithTheRootCause() {
        var failure = FailureClassifier.classify(
                new SSLHandshakeException("PKIX failed", new CertPathValidatorException("certificate expired")),
                "db:5432");

        assertThat(failure.kind()).isEqualTo(FailureKind.TLS);
        assertThat(failure.message()).contains("certificate expired");
    }

    @Test
    void aHandshakeCutShortIsTlsButAConnectionCutShortIsConnect() {
        assertThat(kind(new SSLHandshakeException("Remote host terminated", new EOFException())))
                .isEqualTo(FailureKind.TLS);
        assertThat(kind(new IOException("wrapped", new EOFException()))).isEqualTo(FailureKind.CONNECT);
    }

    @Test
    void aProtocolExceptionIsProtocolAndAnythingElseThatIsNotIoIsProtocol() {
        assertThat(kind(new ProtocolException("Invalid status line"))).isEqualTo(FailureKind.PROTOCOL);
        assertThat(kind(new IllegalStateException("odd"))).isEqualTo(FailureKind.PROTOCOL);
    }
}
