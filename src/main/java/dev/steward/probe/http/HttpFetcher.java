package dev.steward.probe.http;

import dev.steward.core.config.ProbeSpec.Auth;
import dev.steward.core.config.ProbeSpec.Tls;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.probe.FailureClassifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the HTTP exchanges of the HTTP-based probes. Shared by all of them (it holds the clients and their
 * connections); safe for concurrent use from any number of virtual threads. Each fetch has one deadline, {@code
 * timeout} after it starts, covering connection, TLS, every redirect and the body: when it passes, the exchange is
 * cancelled (its connection closed) and the outcome is a TIMEOUT.
 */
public final class HttpFetcher implements AutoCloseable {
    /** Bodies are read up to 1 MiB; the rest is not read and {@code body_truncated} is true. */
    public static final int BODY_CAP = 1 << 20;

    /** Redirects followed before the fetch gives up with a PROTOCOL failure. */
    public static final int MAX_REDIRECTS = 10;

    private static final String USER_AGENT = "Steward-probe/1";

    private final HttpClientCache clients = new HttpClientCache();
    private final InstantSource clock;

    /**
     * Creates the fetcher and, at once, its client for the default TLS configuration: loading the JDK's trust store
     * takes a few hundred milliseconds, which belongs at start-up rather than in the latency of the first probe.
     *
     * @param clock wall time, for the time left on certificates
     */
    public HttpFetcher(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            clients.forTls(Tls.DEFAULT);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default TLS configuration is unusable", e);
        }
    }

    public FetchOutcome fetch(FetchRequest request, Duration timeout) {
        long start = System.nanoTime();
        HttpClient client;
        try {
            client = clients.forTls(request.tls());
        } catch (IOException | GeneralSecurityException e) {
            String file = request.tls().caFile().map(Object::toString).orElse("?");
            return failed(start, Failure.of(FailureKind.TLS, "cannot use CA file " + file + ": " + e.getMessage()));
        }
        Hop hop = new Hop(request.url(), request.method().toUpperCase(Locale.ROOT), request.body());
        for (int redirects = 0; ; redirects++) {
            HttpResponse<CappedBodySubscriber.Body> response;
            switch (send(client, request, hop, start, timeout)) {
                case Sent.Failed(Failure failure) -> {
                    return failed(start, failure);
                }
                case Sent.Received(var received) -> response = received;
            }
            Optional<String> location = response.headers().firstValue("location");
            if (!request.followRedirects() || !isRedirect(response.statusCode()) || location.isEmpty()) {
                return new FetchOutcome.Answered(answer(response, redirects, start));
            }
            if (redirects == MAX_REDIRECTS) {
                return failed(
                        start,
                        Failure.of(
                                FailureKind.PROTOCOL,
                                display(request.url()) + " redirected more than " + MAX_REDIRECTS + " times (last to "
                                        + location.get() + ")"));
            }
            Optional<Hop> next = hop.redirect(response.statusCode(), location.get());
            if (next.isEmpty()) {
                return failed(
                        start,
                        Failure.of(
                                FailureKind.PROTOCOL,
                                display(hop.uri()) + " redirected to an invalid location: " + location.get()));
            }
            hop = next.get();
        }
    }

    /** One request of a fetch: where, how, with what body. */
    private record Hop(URI uri, String method, Optional<String> body) {

        /** The request a redirect asks for: 303, and 301/302 after anything but HEAD, turn into a GET. */
        Optional<Hop> redirect(int status, String location) {
            URI next;
            try {
                next = uri.resolve(location);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            boolean toGet = (status == 303 || status == 301 || status == 302) && !method.equals("HEAD");
            return Optional.of(toGet ? new Hop(next, "GET", Optional.empty()) : new Hop(next, method, body));
        }
    }

    private sealed interface Sent {
        record Received(HttpResponse<CappedBodySubscriber.Body> response) implements Sent {}

        record Failed(Failure failure) implements Sent {}
    }

    private static Sent send(HttpClient client, FetchRequest request, Hop hop, long start, Duration timeout) {
        long deadline = start + timeout.toNanos();
        String target = display(hop.uri());
        try {
            return new Sent.Received(exchange(client, build(request, hop, deadline), deadline));
        } catch (TimeoutException e) {
            return new Sent.Failed(Failure.of(
                    FailureKind.TIMEOUT, "no answer from " + target + " within " + timeout.toMillis() + " ms"));
        } catch (IllegalArgumentException e) {
            return new Sent.Failed(
                    Failure.of(FailureKind.PROTOCOL, "cannot send request to " + target + ": " + e.getMessage()));
        } catch (ExecutionException e) {
            return new Sent.Failed(FailureClassifier.classify(e.getCause(), target));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent.Failed(Failure.of(FailureKind.TIMEOUT, "probe of " + target + " interrupted"));
        }
    }

    private static HttpResponse<CappedBodySubscriber.Body> exchange(
            HttpClient client, HttpRequest request, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<HttpResponse<CappedBodySubscriber.Body>> future =
                client.sendAsync(request, info -> new CappedBodySubscriber(BODY_CAP));
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true); // aborts the exchange and closes its connection
            throw e;
        }
    }

    private static HttpRequest build(FetchRequest spec, Hop hop, long deadline) {
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        HttpRequest.Builder b = HttpRequest.newBuilder(hop.uri())
                .timeout(Duration.ofMillis(remainingMillis))
                .method(
                        hop.method(),
                        hop.body()
                                .map(HttpRequest.BodyPublishers::ofString)
                                .orElseGet(HttpRequest.BodyPublishers::noBody))
                .setHeader("User-Agent", USER_AGENT);
        boolean sameOrigin = sameOrigin(spec.url(), hop.uri());
        spec.headers().forEach((name, value) -> {
            if (sameOrigin || !(value.isSecret() || name.equalsIgnoreCase("authorization"))) {
                b.setHeader(name, value.reveal());
            }
        });
        if (sameOrigin) {
            spec.auth().ifPresent(auth -> b.setHeader("Authorization", authorization(auth)));
        }
        return b.build();
    }

    /** Credentials go only to the origin the user named, never to wherever a redirect points. */
    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private static String authorization(Auth auth) {
        return switch (auth) {
            case Auth.Basic basic ->
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((basic.username() + ":"
                                                + basic.password().reveal())
                                        .getBytes(StandardCharsets.UTF_8));
            case Auth.Bearer bearer -> "Bearer " + bearer.token().reveal();
        };
    }

    private HttpAnswer answer(HttpResponse<CappedBodySubscriber.Body> response, int redirects, long start) {
        CappedBodySubscriber.Body body = response.body();
        Charset charset = charset(response.headers().firstValue("content-type"));
        return new HttpAnswer(
                response.statusCode(),
                response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1",
                response.headers().map(),
                new String(body.bytes(), charset),
                body.bytes().length,
                body.truncated(),
                redirects,
                response.sslSession().flatMap(s -> PeerCertificates.facts(s, clock.instant())),
                Duration.ofNanos(System.nanoTime() - start));
    }

    static Charset charset(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        for (String part : contentType.get().split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static FetchOutcome failed(long start, Failure failure) {
        return new FetchOutcome.Failed(Duration.ofNanos(System.nanoTime() - start), failure);
    }

    /** The URL without user info, query or fragment: safe to show, still names the target. */
    public static String display(URI uri) {
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    @Override
    public void close() {
        clients.close();
    }
}
