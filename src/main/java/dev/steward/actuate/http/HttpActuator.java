package dev.steward.actuate.http;

import dev.steward.actuate.Pause;
import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import dev.steward.notify.HttpPost;
import dev.steward.notify.Notifier.Delivery;
import dev.steward.notify.webhook.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies a step by POSTing a JSON description of it ({@link #body}) to one URL. Any 2xx is applied (the answer's
 * first 64 KiB is the output); 429, 5xx and connection failures (dns, connect, timeout, tls, io) are retryable and
 * retried up to {@code retries} times with a doubling pause; any other status fails at once, not retryable (the
 * request is wrong and will stay wrong). Each request carries an {@code Idempotency-Key} derived from the step (the
 * same on every attempt, so the endpoint can ignore a repeat) and, with {@code hmac_secret}, the {@code
 * X-Steward-Timestamp} and {@code X-Steward-Signature} headers of {@link WebhookSignature}.
 */
public final class HttpActuator implements Actuator {
    static final int OUTPUT_CAP = 64 * 1024;

    private final HttpActuatorConfig config;
    private final HttpClient client;
    private final InstantSource clock;
    private final Pause pause;

    public HttpActuator(HttpActuatorConfig config, HttpClient client, InstantSource clock, Pause pause) {
        this.config = config;
        this.client = client;
        this.clock = clock;
        this.pause = pause;
    }

    /** HTTP/1.1, no redirects (a deployment endpoint that moves is a configuration to fix), 5 s to connect. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public String traffic(String service) {
        return "weights, replicas and switches carried out by the webhook (POST per step)";
    }

    @Override
    public Result apply(Actuation request) {
        byte[] body = HttpPost.toJson(body(request));
        Duration backoff = config.retryBackoff();
        Result.Failed last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                try {
                    pause.pause(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return last;
                }
                backoff = backoff.multipliedBy(2);
            }
            Result result = post(request, body);
            if (!(result instanceof Result.Failed f) || !f.retryable()) {
                return result;
            }
            last = f;
        }
        return config.retries() == 0 ? last : attempts(last, config.retries() + 1);
    }

    /** The JSON body: the action in lower case and every field of the request. */
    public static Map<String, Object> body(Actuation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", a.action().name().toLowerCase(Locale.ROOT));
        m.put("service", a.service());
        m.put("environment", a.environment());
        m.put("version", a.version());
        m.put("stable_version", a.stableVersion());
        m.put("weight", a.weightPercent());
        m.put("replicas", a.replicas());
        m.put("step", a.step());
        m.put("labels", a.labels());
        return m;
    }

    private Result post(Actuation request, byte[] body) {
        URI url = URI.create(config.url().reveal().trim());
        HttpRequest.Builder r = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Steward-actuator/1")
                .header("Idempotency-Key", idempotencyKey(request))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        config.auth().header().ifPresent(h -> r.header("Authorization", h));
        config.headers().forEach((name, value) -> r.header(name, value.reveal()));
        config.hmacSecret().ifPresent(secret -> {
            long now = clock.instant().getEpochSecond();
            r.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
            r.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret.reveal(), now, body));
        });
        return exchange(r.build(), HttpPost.target(url));
    }

    private Result exchange(HttpRequest request, String target) {
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            String answer = cap(response.body());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result.Applied(Duration.ZERO, answer);
            }
            return new Result.Failed(
                    "status " + status + " from " + target, status == 429 || status >= 500, answer, Optional.empty());
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Result.Failed(
                    "timeout: no answer from " + target + " within "
                            + config.timeout().toMillis() + " ms",
                    true,
                    "",
                    Optional.empty());
        } catch (ExecutionException e) {
            Delivery.Failed f = HttpPost.failure(e.getCause() == null ? e : e.getCause(), target);
            return new Result.Failed(f.reason() + ": " + f.detail(), f.retryable(), "", Optional.empty());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Result.Failed("interrupted while posting to " + target, true, "", Optional.empty());
        }
    }

    private static Result.Failed attempts(Result.Failed last, int count) {
        return new Result.Failed(
                last.reason() + " (after " + count + " attempts)", true, last.output(), last.exitCode());
    }

    private static String cap(String body) {
        String s = body == null ? "" : body;
        return s.length() > OUTPUT_CAP ? s.substring(0, OUTPUT_CAP) : s;
    }

    /** The same for every attempt of one step: a hash of service, environment, action, version, weight and step. */
    static String idempotencyKey(Actuation a) {
        String text = String.join(
                "\n",
                a.service(),
                String.valueOf(a.environment()),
                a.action().name(),
                String.valueOf(a.version()),
                Integer.toString(a.weightPercent()),
                Integer.toString(a.replicas()),
                Integer.toString(a.step()));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
