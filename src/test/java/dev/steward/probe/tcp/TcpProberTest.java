package dev.steward.probe.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.probe.ClosedPort;
import dev.steward.probe.SilentServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TcpProberTest {
    static final Duration TIMEOUT = Duration.ofMillis(700);
    static final Duration MARGIN = Duration.ofMillis(250);

    final TcpProber prober = new TcpProber();

    static void assumeRedis() {
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            // reachable
        } catch (IOException e) {
            Assumptions.abort("Redis is not listening on 127.0.0.1:6379 (install and start redis-server)");
        }
    }

    @Test
    void redisAnswersPingWithPong() {
        assumeRedis();
        var spec = new ProbeSpec.Tcp("127.0.0.1", 6379, Optional.of("PING\r\n"), Optional.of("+PONG"), false);

        ProbeObservation result = prober.probe(spec, TIMEOUT);

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("reply")).contains(Value.text("+PONG\r\n"));
        assertThat(result.observation().fact("latency")).isPresent();
    }

    @Test
    void aReplyWithoutTheExpectedTextIsAProtocolFailureShowingTheReply() {
        assumeRedis();
        var spec = new ProbeSpec.Tcp("127.0.0.1", 6379, Optional.of("PING\r\n"), Optional.of("+HELLO"), false);

        ProbeObservation result = prober.probe(spec, TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(f.seen()).contains("+PONG\r\n");
            assertThat(f.message()).contains("127.0.0.1:6379");
        });
    }

    @Test
    void connectingWithoutExpectationSucceedsWithoutReading() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            var spec = new ProbeSpec.Tcp("127.0.0.1", silent.port(), Optional.empty(), Optional.empty(), false);

            ProbeObservation result = prober.probe(spec, TIMEOUT);

            assertThat(result.failure()).isEmpty();
            assertThat(result.latency()).isLessThan(TIMEOUT);
            assertThat(result.observation().fact("reply")).isEmpty();
        }
    }

    @Test
    void aClosedPortIsAConnectFailure() {
        int port = ClosedPort.pick();

        ProbeObservation result =
                prober.probe(new ProbeSpec.Tcp("127.0.0.1", port, Optional.empty(), Optional.empty(), false), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CONNECT);
            assertThat(f.message()).contains("127.0.0.1:" + port);
        });
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            var spec = new ProbeSpec.Tcp("127.0.0.1", silent.port(), Optional.of("HELLO\n"), Optional.of("OK"), false);
            long start = System.nanoTime();

            ProbeObservation result = prober.probe(spec, TIMEOUT);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(result.failure())
                    .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(MARGIN));
        }
    }

    @Test
    void aServerThatClosesWithoutTheExpectedTextIsAProtocolFailure() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("220 mail ready\r\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the test fails on its own assertions if the server could not answer
                }
            });
            var spec =
                    new ProbeSpec.Tcp("127.0.0.1", server.getLocalPort(), Optional.empty(), Optional.of("SSH-"), false);

            ProbeObservation result = prober.probe(spec, TIMEOUT);

            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL);
                assertThat(f.message()).contains("closed the connection");
                assertThat(f.seen()).contains("220 mail ready\r\n");
            });
        }
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        var spec = new ProbeSpec.Tcp("nonexistent.invalid", 80, Optional.empty(), Optional.empty(), false);

        assertThat(prober.probe(spec, TIMEOUT).failure())
                .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.DNS));
    }

    @Test
    void tlsToAPlainTextServerIsATlsFailure() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("220 mail ready\r\n".getBytes(StandardCharsets.UTF_8));
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the test fails on its own assertions if the server could not answer
                }
            });
            var spec =
                    new ProbeSpec.Tcp("127.0.0.1", server.getLocalPort(), Optional.empty(), Optional.of("220"), true);

            assertThat(prober.probe(spec, TIMEOUT).failure())
                    .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.TLS));
        }
    }
}
