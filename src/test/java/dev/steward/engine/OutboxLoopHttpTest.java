package dev.steward.engine;

import static dev.steward.core.outbox.OutboxFixtures.T0;
import static dev.steward.core.outbox.OutboxFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.steward.core.notify.Message;
import dev.steward.core.outbox.ChannelStatus;
import dev.steward.core.outbox.InMemoryOutboxStore;
import dev.steward.core.outbox.OutboxSettings;
import dev.steward.notify.Notifier;
import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end over real HTTP: a receiver that answers 503 twice, then 200, gets the entry with one idempotency key. */
class OutboxLoopHttpTest {
    record Received(String idempotencyKey, String body, int answered) {}

    private final ManualClock clock = new ManualClock(T0);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::receive);
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = requests.incrementAndGet() <= 2 ? 503 : 200;
        received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** A minimal webhook notifier for this test only: the real ones are the notifier adapters'. */
    static final class PostingNotifier implements Notifier {
        private final HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI target;

        PostingNotifier(URI target) {
            this.target = target;
        }

        @Override
        public String channel() {
            return "webhook";
        }

        @Override
        public Delivery deliver(Message message, String idempotencyKey) {
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(5))
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(message.title()))
                    .build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                return status / 100 == 2
                        ? new Delivery.Delivered("status " + status)
                        : new Delivery.Failed("status " + status, "receiver answered " + status, status >= 500);
            } catch (IOException e) {
                return new Delivery.Failed("connect", e.toString(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery.Failed("interrupted", e.toString(), true);
            }
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEntryOnTheThirdAttemptWithTheSameKey() {
        Notifier webhook = new PostingNotifier(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"));
        OutboxLoop loop = new OutboxLoop(
                new InMemoryOutboxStore(),
                clock,
                new DirectExecutorService(),
                c -> Optional.of(webhook),
                () -> 1.0,
                OutboxSettings.DEFAULT);

        loop.enqueue(List.of(entry("webhook", "inc-7", 1, T0)));
        OutboxLoopTest.runUntil(loop, clock, T0.plus(Duration.ofMinutes(1)));

        assertThat(received)
                .containsExactly(
                        new Received("webhook/inc-7/1", "[inc-7] message 1", 503),
                        new Received("webhook/inc-7/1", "[inc-7] message 1", 503),
                        new Received("webhook/inc-7/1", "[inc-7] message 1", 200));
        assertThat(loop.status())
                .containsExactly(new ChannelStatus(
                        "webhook", 0, 1, 0, Optional.empty(), Optional.of(T0.plusSeconds(3)), Optional.empty()));
    }
}
