package dev.steward.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.notify.Notifier.Delivery;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpPostTest {
    static final byte[] BODY = "{}".getBytes();
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    static Delivery post(URI url, Duration timeout) {
        return HttpPost.json(SampleMessages.HTTP, url, Map.of(), BODY, timeout);
    }

    @Test
    void anyTwoHundredIsDelivered() throws Exception {
        try (RecordingServer s = new RecordingServer().answering(202, "{\"status\":\"success\"}")) {
            assertThat(post(s.url("/x"), TIMEOUT))
                    .isInstanceOfSatisfying(
                            Delivery.Delivered.class,
                            d -> assertThat(d.detail()).contains("answered 202"));
        }
    }

    @Test
    void serviceUnavailableIsRetryable() throws Exception {
        try (RecordingServer s = new RecordingServer().answering(503, "busy")) {
            Delivery.Failed f = failed(post(s.url("/x"), TIMEOUT));

            assertThat(f.reason()).isEqualTo("status 503");
            assertThat(f.retryable()).isTrue();
            assertThat(f.detail()).isEqualTo("http://127.0.0.1:" + s.url("/").getPort() + " answered 503: busy");
        }
    }

    @Test
    void tooManyRequestsIsRetryable() throws Exception {
        try (RecordingServer s = new RecordingServer().answering(429, "")) {
            assertThat(failed(post(s.url("/x"), TIMEOUT)).retryable()).isTrue();
        }
    }

    @Test
    void badRequestIsNotRetryable() throws Exception {
        try (RecordingServer s = new RecordingServer().answering(400, "invalid routing key")) {
            Delivery.Failed f = failed(post(s.url("/x"), TIMEOUT));

            assertThat(f.reason()).isEqualTo("status 400");
            assertThat(f.retryable()).isFalse();
            assertThat(f.detail()).contains("invalid routing key");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndMayBeRetried() throws Exception {
        try (RecordingServer s = new RecordingServer().hanging()) {
            Delivery.Failed f = failed(post(s.url("/x"), Duration.ofMillis(300)));

            assertThat(f.reason()).isEqualTo("timeout");
            assertThat(f.retryable()).isTrue();
        }
    }

    @Test
    void aConnectionClosedWithoutAnAnswerMayBeRetried() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> closeAfterReading(socket));

            Delivery.Failed f = failed(post(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/x"), TIMEOUT));

            assertThat(f.reason()).isIn("io", "connect");
            assertThat(f.retryable()).isTrue();
        }
    }

    @Test
    void aRefusedConnectionMayBeRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Delivery.Failed f = failed(post(URI.create("http://127.0.0.1:" + port + "/x"), TIMEOUT));

        assertThat(f.reason()).isEqualTo("connect");
        assertThat(f.retryable()).isTrue();
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        Delivery.Failed f = failed(post(URI.create("http://steward-test.invalid/x"), TIMEOUT));

        assertThat(f.reason()).isEqualTo("dns");
        assertThat(f.retryable()).isTrue();
    }

    @Test
    void targetsHidePathAndQueryWhichMayHoldTokens() {
        assertThat(HttpPost.target(URI.create("https://hooks.slack.com/services/T0/B0/XYZ?token=1")))
                .isEqualTo("https://hooks.slack.com");
    }

    private static Delivery.Failed failed(Delivery d) {
        assertThat(d).isInstanceOf(Delivery.Failed.class);
        return (Delivery.Failed) d;
    }

    private static void closeAfterReading(ServerSocket socket) {
        try (Socket s = socket.accept()) {
            InputStream in = s.getInputStream();
            in.read(new byte[1024]);
        } catch (IOException e) {
            // the test sees the closed connection
        }
    }
}
