package dev.steward.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A background virtual thread that calls the demo API's business endpoint every {@code every}, so its {@code /metrics}
 * move like a product's under use. Failures (the API down, slow or erroring) are the point of the demo and are
 * ignored. {@link #close()} ends the loop at once and waits for the thread.
 */
final class TrafficGenerator implements AutoCloseable {

    private final HttpClient client;
    private final HttpRequest request;
    private final Duration every;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    private TrafficGenerator(URI target, Duration every) {
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        this.request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        this.every = every;
        this.thread = Thread.ofVirtual().name("demo-traffic").unstarted(this::loop);
    }

    static TrafficGenerator start(URI target, Duration every) {
        var generator = new TrafficGenerator(target, every);
        generator.thread.start();
        return generator;
    }

    private void loop() {
        try {
            while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                callOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void callOnce() throws InterruptedException {
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            // the API is down or slow on purpose; the next round tries again
        }
    }

    boolean running() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        stop.countDown();
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.shutdownNow();
    }
}
