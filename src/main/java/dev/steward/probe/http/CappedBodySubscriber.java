package dev.steward.probe.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects at most {@code cap} bytes of a body. Past the cap it completes with what it has and cancels the
 * subscription, which closes the connection: a probe never downloads a huge body to judge a health check.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBodySubscriber.Body> {

    /** The bytes read and whether more were refused. */
    record Body(byte[] bytes, boolean truncated) {}

    private final int cap;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBodySubscriber(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        boolean truncated = false;
        for (ByteBuffer buffer : items) {
            int n = Math.min(buffer.remaining(), cap - out.size());
            byte[] chunk = new byte[n];
            buffer.get(chunk);
            out.write(chunk, 0, n);
            truncated |= buffer.hasRemaining();
        }
        if (truncated) {
            result.complete(new Body(out.toByteArray(), true));
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(out.toByteArray(), false));
    }
}
