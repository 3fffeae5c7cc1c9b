package dev.steward.notify;

import dev.steward.notify.Notifier.Delivery;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One POST of an HTTP notifier and the failure vocabulary all of them share. The timeout covers the whole exchange
 * (connection, request, status and body): when it passes the exchange is cancelled, which closes its connection.
 * Outcomes: any 2xx is delivered; 429 and 5xx are retryable ({@code status 503}); any other status is not ({@code
 * status 400}: the request itself is wrong and will stay wrong); {@code dns}, {@code connect}, {@code timeout}, {@code
 * tls} and {@code io} failures are retryable. Only the first 2 KiB of an answer are kept, for the detail.
 */
public final class HttpPost {
    static final int DETAIL_CAP = 2048;

    private HttpPost() {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The JSON bytes of {@code value} (maps, lists, strings, numbers, null). */
    public static byte[] toJson(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    /** Posts {@code body} as JSON. */
    public static Delivery json(
            HttpClient client, URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Steward-notifier/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        String target = target(url);
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request.build(), info -> CappedText.subscriber(DETAIL_CAP));
        try {
            return outcome(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS), target);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Delivery.Failed(
                    "timeout", "no answer from " + target + " within " + timeout.toMillis() + " ms", true);
        } catch (ExecutionException e) {
            return failure(e.getCause() == null ? e : e.getCause(), target);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Delivery.Failed("interrupted", "interrupted while posting to " + target, true);
        }
    }

    /** The outcome for a status: 2xx delivered, 429/5xx retryable, others not. */
    public static Delivery outcome(HttpResponse<String> response, String target) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body().strip();
        String detail = target + " answered " + status + (body.isEmpty() ? "" : ": " + body);
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(detail);
        }
        return new Delivery.Failed("status " + status, detail, status == 429 || status >= 500);
    }

    /**
     * The failure for an exception of the exchange. Clients wrap the telling exception at various depths (a {@code
     * ConnectException} caused by an {@code UnresolvedAddressException}), so the whole chain is searched, most specific
     * kind first: dns, timeout, tls, connect, then io.
     */
    public static Delivery.Failed failure(Throwable thrown, String target) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        if (any(chain, UnknownHostException.class, UnresolvedAddressException.class)) {
            return new Delivery.Failed("dns", "cannot resolve the host of " + target, true);
        }
        if (any(chain, HttpTimeoutException.class, SocketTimeoutException.class)) {
            return new Delivery.Failed("timeout", "no answer from " + target + " in time", true);
        }
        if (any(chain, SSLException.class)) {
            return new Delivery.Failed("tls", "TLS with " + target + " failed" + message(thrown), true);
        }
        if (any(chain, ConnectException.class, NoRouteToHostException.class)) {
            return new Delivery.Failed("connect", "cannot connect to " + target + message(thrown), true);
        }
        return new Delivery.Failed(
                "io",
                "exchange with " + target + " failed: " + thrown.getClass().getSimpleName() + message(thrown),
                true);
    }

    @SafeVarargs
    private static boolean any(List<Throwable> chain, Class<? extends Throwable>... kinds) {
        for (Throwable t : chain) {
            for (Class<? extends Throwable> k : kinds) {
                if (k.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code https://hooks.slack.com:443}: where a request went, without path or query (they may hold tokens). */
    public static String target(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : " (" + t.getMessage() + ")";
    }

    /**
     * Keeps a body's first bytes and then stops reading (cancelling the rest): a notifier needs the gist of an answer,
     * and a receiver that streams forever must not hold the exchange open.
     */
    static final class CappedText implements HttpResponse.BodySubscriber<String> {
        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        private CappedText(int cap) {
            this.cap = cap;
        }

        static HttpResponse.BodySubscriber<String> subscriber(int cap) {
            return new CappedText(cap);
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                int n = Math.min(b.remaining(), cap - bytes.size());
                byte[] chunk = new byte[n];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
            if (bytes.size() >= cap && !result.isDone()) {
                subscription.cancel();
                onComplete();
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
