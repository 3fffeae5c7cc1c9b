package dev.steward.actuate.http;

import dev.steward.core.config.Secret;
import dev.steward.notify.ConfigMap;
import dev.steward.notify.HttpAuth;
import dev.steward.notify.HttpConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code http} provider's settings: {@code url} (or {@code url_file}; treated as a secret, URLs often carry
 * tokens), {@code hmac_secret}/{@code hmac_secret_file} (signs each request as Steward's webhooks are signed),
 * {@code headers} (values may be references), {@code http_config} (basic or bearer credentials, as for webhooks),
 * {@code timeout} (per attempt, default 30s), {@code retries} (further attempts after a retryable failure, default 2)
 * and {@code retry_backoff} (the first pause, doubled each time, default 1s).
 */
public record HttpActuatorConfig(
        Secret url,
        Optional<Secret> hmacSecret,
        Map<String, Secret> headers,
        HttpAuth auth,
        Duration timeout,
        int retries,
        Duration retryBackoff) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_RETRIES = 2;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);

    public static final List<String> KEYS = List.of(
            "url",
            "url_file",
            "hmac_secret",
            "hmac_secret_file",
            "headers",
            "http_config",
            "timeout",
            "retries",
            "retry_backoff");

    /** Headers Steward sets itself and that {@code headers} may therefore not set. */
    private static final List<String> RESERVED = List.of(
            "content-type", "content-length", "host", "idempotency-key", "x-steward-timestamp", "x-steward-signature");

    public static Optional<HttpActuatorConfig> read(ConfigMap m) {
        m.allow(KEYS);
        int before = m.errors().size();
        Optional<Secret> url = m.secretUrl("url");
        if (url.isEmpty() && !m.has("url") && !m.has("url_file")) {
            m.missing("url", "the URL to POST each step to (or url_file)");
        }
        Optional<Secret> hmac = m.secret("hmac_secret");
        Map<String, Secret> headers = headers(m);
        HttpAuth auth = HttpConfig.read(m, HttpAuth.NONE);
        Duration timeout = m.duration("timeout").orElse(DEFAULT_TIMEOUT);
        int retries = m.integer("retries", 0).orElse(DEFAULT_RETRIES);
        Duration backoff = m.duration("retry_backoff").orElse(DEFAULT_BACKOFF);
        if (m.errors().size() != before || url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HttpActuatorConfig(url.get(), hmac, headers, auth, timeout, retries, backoff));
    }

    private static Map<String, Secret> headers(ConfigMap m) {
        Map<String, Secret> out = new LinkedHashMap<>();
        m.map("headers").ifPresent(h -> {
            for (String name : h.keys()) {
                if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")
                        || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    h.error(
                            name,
                            "invalid header name",
                            name,
                            "a header name other than " + String.join(", ", RESERVED));
                    continue;
                }
                h.secret(name).ifPresent(s -> out.put(name, s));
            }
        });
        return out;
    }
}
