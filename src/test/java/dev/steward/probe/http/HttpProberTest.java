package dev.steward.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.config.ProbeSpec.Auth;
import dev.steward.core.config.ProbeSpec.Tls;
import dev.steward.core.config.Secret;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.probe.ClosedPort;
import dev.steward.probe.LocalHttpServer;
import dev.steward.probe.SelfSignedCertificate;
import dev.steward.probe.SilentServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpProberTest {
    static final Duration TIMEOUT = Duration.ofMillis(800);
    static final Duration MARGIN = Duration.ofMillis(250);
    static final Instant NOW = Instant.parse("2028-02-29T23:59:30Z");

    @TempDir
    static Path certDir;

    static SelfSignedCertificate cert;
    static LocalHttpServer server;
    static HttpFetcher fetcher;
    static HttpProber prober;

    @BeforeAll
    static void start() throws Exception {
        cert = SelfSignedCertificate.create(certDir, 90);
        server = LocalHttpServer.http()
                .json("/ok", 200, "{\"status\":\"Healthy\"}")
                .json("/missing", 404, "{\"error\":\"not found\"}")
                .route("/headers", ex -> {
                    ex.getResponseHeaders().add("X-Build", "42");
                    ex.getResponseHeaders().add("X-Build", "43");
                    String echoed = ex.getRequestHeaders().getFirst("X-Echo");
                    LocalHttpServer.reply(ex, 200, "text/plain", "echo=" + echoed);
                })
                .route("/method", ex -> {
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    LocalHttpServer.reply(ex, 200, "text/plain", ex.getRequestMethod() + " " + body);
                })
                .route("/hop/", ex -> {
                    int left = Integer.parseInt(ex.getRequestURI().getPath().substring("/hop/".length()));
                    if (left == 0) {
                        LocalHttpServer.reply(ex, 200, "text/plain", "arrived");
                    } else {
                        ex.getResponseHeaders().set("Location", "/hop/" + (left - 1));
                        ex.sendResponseHeaders(302, -1);
                        ex.close();
                    }
                })
                .route("/basic", ex -> {
                    String expected = "Basic "
                            + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
                    boolean ok = expected.equals(ex.getRequestHeaders().getFirst("Authorization"));
                    LocalHttpServer.reply(ex, ok ? 200 : 401, "text/plain", ok ? "welcome" : "who are you");
                })
                .route("/bearer", ex -> {
                    boolean ok = "Bearer t0ken".equals(ex.getRequestHeaders().getFirst("Authorization"));
                    LocalHttpServer.reply(ex, ok ? 200 : 401, "text/plain", ok ? "welcome" : "who are you");
                })
                .route("/big", ex -> {
                    ex.sendResponseHeaders(200, 3L << 20);
                    try (var out = ex.getResponseBody()) {
                        byte[] chunk = new byte[64 * 1024];
                        java.util.Arrays.fill(chunk, (byte) 'x');
                        for (int i = 0; i < 48; i++) {
                            out.write(chunk);
                        }
                    } catch (java.io.IOException closedByClient) {
                        // the probe stops reading at its cap and closes the connection
                    }
                });
        fetcher = new HttpFetcher(InstantSource.fixed(NOW));
        prober = new HttpProber(fetcher);
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.close();
    }

    static ProbeSpec.Http get(URI url) {
        return new ProbeSpec.Http("GET", url, Map.of(), Optional.empty(), true, Tls.DEFAULT, Optional.empty());
    }

    @Test
    void reportsStatusBodyLatencyAndHeadersOfAnAnswer() {
        ProbeObservation result = prober.probe(get(server.uri("/ok")), TIMEOUT);

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("status")).contains(Value.num(200));
        assertThat(result.observation().document("body")).contains("{\"status\":\"Healthy\"}");
        assertThat(result.observation().fact("content_length")).contains(Value.num(20));
        assertThat(result.observation().fact("http_version")).contains(Value.text("HTTP/1.1"));
        assertThat(result.observation().fact("redirects")).contains(Value.num(0));
        assertThat(result.observation().header("content-type")).contains("application/json");
        assertThat(result.observation().fact("latency")).contains(Value.dur(result.latency()));
        assertThat(result.observation().fact("cert_expiry")).isEmpty();
    }

    @Test
    void aBadStatusIsAFactNotAFailure() {
        ProbeObservation result = prober.probe(get(server.uri("/missing")), TIMEOUT);

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("status")).contains(Value.num(404));
    }

    @Test
    void sendsSpecHeadersAndReportsRepeatedResponseHeaders() {
        var spec = new ProbeSpec.Http(
                "GET",
                server.uri("/headers"),
                Map.of("X-Echo", Secret.of("hidden", "${env:X}")),
                Optional.empty(),
                true,
                Tls.DEFAULT,
                Optional.empty());

        ProbeObservation result = prober.probe(spec, TIMEOUT);

        assertThat(result.observation().fact("body")).contains(Value.text("echo=hidden"));
        assertThat(result.observation().header("X-BUILD")).contains("42, 43");
    }

    @Test
    void sendsMethodAndBody() {
        var spec = new ProbeSpec.Http(
                "post", server.uri("/method"), Map.of(), Optional.of("ping"), true, Tls.DEFAULT, Optional.empty());

        assertThat(prober.probe(spec, TIMEOUT).observation().fact("body")).contains(Value.text("POST ping"));
    }

    @Test
    void followsRedirectsAndCountsThem() {
        ProbeObservation result = prober.probe(get(server.uri("/hop/3")), TIMEOUT);

        assertThat(result.observation().fact("status")).contains(Value.num(200));
        assertThat(result.observation().fact("redirects")).contains(Value.num(3));
        assertThat(result.observation().fact("body")).contains(Value.text("arrived"));
    }

    @Test
    void reportsTheRedirectItselfWhenNotFollowing() {
        var spec = new ProbeSpec.Http(
                "GET", server.uri("/hop/3"), Map.of(), Optional.empty(), false, Tls.DEFAULT, Optional.empty());

        ProbeObservation result = prober.probe(spec, TIMEOUT);

        assertThat(result.observation().fact("status")).contains(Value.num(302));
        assertThat(result.observation().header("location")).contains("/hop/2");
        assertThat(result.observation().fact("redirects")).contains(Value.num(0));
    }

    @Test
    void givesUpAfterTenRedirects() {
        ProbeObservation result = prober.probe(get(server.uri("/hop/11")), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(f.message()).contains("more than 10");
        });
    }

    @Test
    void sendsBasicCredentials() {
        var auth = new Auth.Basic("ops", Secret.of("s3cret", "${env:PW}"));
        var spec = new ProbeSpec.Http(
                "GET", server.uri("/basic"), Map.of(), Optional.empty(), true, Tls.DEFAULT, Optional.of(auth));

        assertThat(prober.probe(spec, TIMEOUT).observation().fact("status")).contains(Value.num(200));
        assertThat(prober.probe(get(server.uri("/basic")), TIMEOUT)
                        .observation()
                        .fact("status"))
                .contains(Value.num(401));
    }

    @Test
    void sendsBearerToken() {
        var auth = new Auth.Bearer(Secret.of("t0ken", "${env:TOKEN}"));
        var spec = new ProbeSpec.Http(
                "GET", server.uri("/bearer"), Map.of(), Optional.empty(), true, Tls.DEFAULT, Optional.of(auth));

        assertThat(prober.probe(spec, TIMEOUT).observation().fact("status")).contains(Value.num(200));
    }

    @Test
    void credentialsAreNotSentToAnotherOriginARedirectPointsTo() {
        try (LocalHttpServer other = LocalHttpServer.http().route("/who", ex -> {
                    String auth = ex.getRequestHeaders().getFirst("Authorization");
                    String token = ex.getRequestHeaders().getFirst("X-Token");
                    LocalHttpServer.reply(ex, 200, "text/plain", "auth=" + auth + " token=" + token);
                });
                LocalHttpServer origin = LocalHttpServer.http().route("/go", ex -> {
                    ex.getResponseHeaders().set("Location", other.uri("/who").toString());
                    ex.sendResponseHeaders(307, -1);
                    ex.close();
                })) {
            var spec = new ProbeSpec.Http(
                    "GET",
                    origin.uri("/go"),
                    Map.of("X-Token", Secret.of("abc", "${env:T}")),
                    Optional.empty(),
                    true,
                    Tls.DEFAULT,
                    Optional.of(new Auth.Bearer(Secret.of("t0ken", "${env:TOKEN}"))));

            ProbeObservation result = prober.probe(spec, TIMEOUT);

            assertThat(result.observation().fact("redirects")).contains(Value.num(1));
            assertThat(result.observation().fact("body")).contains(Value.text("auth=null token=null"));
        }
    }

    @Test
    void aHeaderTheClientReservesIsAProtocolFailureNamingIt() {
        var spec = new ProbeSpec.Http(
                "GET",
                server.uri("/ok"),
                Map.of("Host", Secret.plain("example.org")),
                Optional.empty(),
                true,
                Tls.DEFAULT,
                Optional.empty());

        assertThat(prober.probe(spec, TIMEOUT).failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.PROTOCOL);
            assertThat(f.message()).contains("Host");
        });
    }

    @Test
    void capsTheBodyAndSaysSo() {
        ProbeObservation result = prober.probe(get(server.uri("/big")), Duration.ofSeconds(3));

        assertThat(result.failure()).isEmpty();
        assertThat(result.observation().fact("content_length")).contains(Value.num(HttpFetcher.BODY_CAP));
        assertThat(result.observation().fact("body_truncated")).contains(Value.bool(true));
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            ProbeObservation result = prober.probe(get(URI.create("http://127.0.0.1:" + silent.port() + "/")), TIMEOUT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.failure()).hasValueSatisfying(f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
                assertThat(f.message()).contains("127.0.0.1:" + silent.port());
            });
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(MARGIN));
        }
    }

    @Test
    void aBodyThatNeverEndsTimesOutWithinTheTimeout() throws Exception {
        try (ServerSocket trickle = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch done = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> {
                try (Socket s = trickle.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream()
                            .write(("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"status\":")
                                    .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    done.await();
                } catch (Exception ignored) {
                    // the probe closes the connection when it gives up
                }
            });
            long start = System.nanoTime();

            ProbeObservation result =
                    prober.probe(get(URI.create("http://127.0.0.1:" + trickle.getLocalPort() + "/")), TIMEOUT);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            done.countDown();
            assertThat(result.failure())
                    .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(MARGIN));
        }
    }

    @Test
    void aClosedPortIsAConnectFailure() {
        int port = ClosedPort.pick();

        ProbeObservation result = prober.probe(get(URI.create("http://127.0.0.1:" + port + "/health")), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.CONNECT);
            assertThat(f.message()).contains("connection refused by http://127.0.0.1:" + port + "/health");
        });
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        ProbeObservation result = prober.probe(get(URI.create("http://nonexistent.invalid/")), TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.DNS);
            assertThat(f.message()).contains("nonexistent.invalid");
        });
    }

    @Test
    void httpsWithAnUntrustedCertificateIsATlsFailure() throws Exception {
        try (LocalHttpServer https = LocalHttpServer.https(cert.serverContext()).json("/ok", 200, "{}")) {
            ProbeObservation result = prober.probe(get(https.uri("/ok")), Duration.ofSeconds(2));

            assertThat(result.failure())
                    .hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(FailureKind.TLS));
        }
    }

    @Test
    void httpsSkippingVerificationReportsCertificateFacts() throws Exception {
        try (LocalHttpServer https = LocalHttpServer.https(cert.serverContext()).json("/ok", 200, "{}")) {
            var spec = new ProbeSpec.Http(
                    "GET",
                    https.uri("/ok"),
                    Map.of(),
                    Optional.empty(),
                    true,
                    new Tls(true, Optional.empty()),
                    Optional.empty());

            ProbeObservation result = prober.probe(spec, Duration.ofSeconds(2));

            assertThat(result.failure()).isEmpty();
            assertThat(result.observation().fact("status")).contains(Value.num(200));
            assertThat(result.observation().fact("cert_expiry"))
                    .contains(Value.dur(Duration.between(NOW, cert.notAfter())));
            assertThat(result.observation().fact("cert_not_after"))
                    .contains(Value.num(cert.notAfter().getEpochSecond()));
            assertThat(result.observation().fact("tls_version"))
                    .hasValueSatisfying(v -> assertThat(v.toString()).startsWith("\"TLSv1."));
        }
    }

    @Test
    void httpsTrustingTheCaFileSucceedsAndChecksTheCertificateValidity() throws Exception {
        try (LocalHttpServer https = LocalHttpServer.https(cert.serverContext()).json("/ok", 200, "{}")) {
            var spec = new ProbeSpec.Http(
                    "GET",
                    https.uri("/ok"),
                    Map.of(),
                    Optional.empty(),
                    true,
                    new Tls(false, Optional.of(cert.pem())),
                    Optional.empty());
            try (HttpFetcher realClock = new HttpFetcher(InstantSource.system())) {
                ProbeObservation result = new HttpProber(realClock).probe(spec, Duration.ofSeconds(2));

                assertThat(result.failure()).isEmpty();
                Value.Dur expiry =
                        (Value.Dur) result.observation().fact("cert_expiry").orElseThrow();
                assertThat(expiry.value()).isBetween(Duration.ofDays(89), Duration.ofDays(90));
            }
        }
    }

    @Test
    void aMissingCaFileIsATlsFailureNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.pem");
        var spec = new ProbeSpec.Http(
                "GET",
                URI.create("https://127.0.0.1:1/"),
                Map.of(),
                Optional.empty(),
                true,
                new Tls(false, Optional.of(missing)),
                Optional.empty());

        ProbeObservation result = prober.probe(spec, TIMEOUT);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.TLS);
            assertThat(f.message()).contains(missing.toString());
        });
    }
}
