package dev.steward.actuate.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.steward.actuate.Actuators;
import dev.steward.actuate.TestTools;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import dev.steward.notify.Configured;
import dev.steward.notify.webhook.WebhookSignature;
import dev.steward.stackfile.ConfigError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HttpActuatorTest {
    private record Received(Map<String, String> headers, byte[] body) {}

    private final TestTools tools = new TestTools();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/deploy", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
        received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
        int status;
        synchronized (statuses) {
            status = statuses.isEmpty() ? 200 : statuses.pop();
        }
        byte[] out = ("answer " + status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/deploy";
    }

    private Actuator actuator(Map<String, Object> settings) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.putIfAbsent("url", url());
        return switch (Actuators.forConfig("http", s, "deploy.provider", tools.tools)) {
            case Configured.Valid<Actuator> v -> v.value();
            case Configured.Invalid<Actuator> i -> throw new AssertionError(i.errors());
        };
    }

    @Test
    void postsTheStepAsJsonSignedLikeAWebhookAndA2xxIsApplied() {
        Actuator a = actuator(Map.of("hmac_secret", "${env:DEPLOY_TOKEN}", "headers", Map.of("X-Team", "backend")));

        Result r = a.apply(TestTools.request(Action.SET_WEIGHT, "2.0.0", 25));

        assertThat(r).isEqualTo(new Result.Applied(Duration.ZERO, "answer 200"));
        Received req = received.getFirst();
        JsonNode body = JsonMapper.builder().build().readTree(req.body());
        assertThat(body.get("action").asString()).isEqualTo("set_weight");
        assertThat(body.get("service").asString()).isEqualTo("api");
        assertThat(body.get("environment").asString()).isEqualTo("prod");
        assertThat(body.get("version").asString()).isEqualTo("2.0.0");
        assertThat(body.get("stable_version").asString()).isEqualTo("1.0.0");
        assertThat(body.get("weight").asInt()).isEqualTo(25);
        assertThat(body.get("step").asInt()).isEqualTo(1);
        assertThat(body.get("labels").get("team").asString()).isEqualTo("backend");
        assertThat(req.headers()).containsEntry("x-team", "backend").containsKey("idempotency-key");
        String timestamp = req.headers().get("x-steward-timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(TestTools.NOW.getEpochSecond()));
        assertThat(WebhookSignature.verify(
                        "s3cret",
                        timestamp,
                        req.headers().get("x-steward-signature"),
                        req.body(),
                        TestTools.NOW,
                        Duration.ofMinutes(5)))
                .isTrue();
    }

    @Test
    void retriesServerErrorsWithADoublingPauseAndTheSameIdempotencyKey() {
        statuses.addAll(List.of(503, 502));
        Actuator a = actuator(Map.of("retries", "3", "retry_backoff", "2s"));

        Result r = a.apply(TestTools.request(Action.PROMOTE, "2.0.0", 100));

        assertThat(r).isInstanceOf(Result.Applied.class);
        assertThat(received).hasSize(3);
        assertThat(received)
                .extracting(q -> q.headers().get("idempotency-key"))
                .containsOnly(received.getFirst().headers().get("idempotency-key"));
        assertThat(tools.pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void givesUpAfterTheLastRetryWithARetryableFailure() {
        statuses.addAll(List.of(500, 500, 500));
        Actuator a = actuator(Map.of());

        Result.Failed f = (Result.Failed) a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0));

        assertThat(f.reason()).startsWith("status 500 from http://127.0.0.1:").endsWith("(after 3 attempts)");
        assertThat(f.retryable()).isTrue();
        assertThat(f.output()).isEqualTo("answer 500");
        assertThat(received).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetried() {
        statuses.add(422);
        Actuator a = actuator(Map.of());

        Result.Failed f = (Result.Failed) a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0));

        assertThat(f.retryable()).isFalse();
        assertThat(f.reason()).startsWith("status 422");
        assertThat(received).hasSize(1);
        assertThat(tools.pauses).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Actuator a = actuator(Map.of("url", "http://127.0.0.1:" + closedPort + "/deploy", "retries", "1"));

        Result.Failed f = (Result.Failed) a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0));

        assertThat(f.retryable()).isTrue();
        assertThat(f.reason()).startsWith("connect: cannot connect to http://127.0.0.1:" + closedPort);
        assertThat(tools.pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsARetryableTimeout() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        Actuator a = actuator(Map.of("url", url().replace("/deploy", "/slow"), "timeout", "300ms", "retries", "0"));

        try {
            Result.Failed f = (Result.Failed) a.apply(TestTools.request(Action.DEPLOY, "2.0.0", 0));

            // the client's own request timeout and the deadline on its answer race: both say timeout
            assertThat(f.reason()).startsWith("timeout: no answer from http://127.0.0.1:");
            assertThat(f.retryable()).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void theTypeKeyMayStayInTheSettings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "http");
        s.put("url", url());

        assertThat(Actuators.forConfig("http", s, "deploy.provider", tools.tools)
                        .errors())
                .isEmpty();
    }

    @Test
    void reportsEveryProblemOfTheSettingsWithItsPath() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("url", "ftp://example.org");
        s.put("retries", "-1");
        s.put("headers", Map.of("Idempotency-Key", "x"));
        s.put("hmac_secret", "${env:MISSING}");
        s.put("verb", "PUT");

        List<ConfigError> errors =
                Actuators.forConfig("http", s, "deploy.provider", tools.tools).errors();

        assertThat(errors)
                .extracting(e -> e.path() + ": " + e.message())
                .containsExactlyInAnyOrder(
                        "deploy.provider.verb: unknown setting",
                        "deploy.provider.url: invalid URL",
                        "deploy.provider.retries: invalid number",
                        "deploy.provider.headers.Idempotency-Key: invalid header name",
                        "deploy.provider.hmac_secret: "
                                + errors.stream()
                                        .filter(e -> e.path().endsWith("hmac_secret"))
                                        .findFirst()
                                        .orElseThrow()
                                        .message());
        assertThat(errors).filteredOn(e -> e.path().endsWith("hmac_secret")).hasSize(1);
    }
}
