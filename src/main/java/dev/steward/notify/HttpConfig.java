package dev.steward.notify;

import dev.steward.core.config.Secret;
import java.util.List;
import java.util.Optional;

/**
 * Reads an {@code http_config} section the way Alertmanager (Prometheus's common HTTP client settings) writes it, for
 * the parts Steward supports: {@code basic_auth}, {@code authorization} and the older {@code bearer_token}. TLS
 * settings, proxies and OAuth2 are refused by name rather than ignored.
 */
public final class HttpConfig {
    private static final List<String> KEYS =
            List.of("basic_auth", "authorization", "bearer_token", "bearer_token_file");

    private HttpConfig() {}

    /** The credentials of {@code http_config} in {@code m}, or {@code fallback} when it has none. */
    public static HttpAuth read(ConfigMap m, HttpAuth fallback) {
        Optional<ConfigMap> http = m.map("http_config");
        if (http.isEmpty()) {
            return fallback;
        }
        return read(http.get());
    }

    static HttpAuth read(ConfigMap c) {
        c.allow(KEYS);
        int set = (c.has("basic_auth") ? 1 : 0)
                + (c.has("authorization") ? 1 : 0)
                + (c.has("bearer_token") || c.has("bearer_token_file") ? 1 : 0);
        if (set > 1) {
            c.error("", "more than one kind of credentials", null, "one of basic_auth, authorization, bearer_token");
            return HttpAuth.NONE;
        }
        Optional<Secret> bearer = c.secret("bearer_token");
        if (bearer.isPresent()) {
            return new HttpAuth.Credentials("Bearer", bearer.get());
        }
        Optional<ConfigMap> basic = c.map("basic_auth");
        if (basic.isPresent()) {
            return basic(basic.get());
        }
        return c.map("authorization").map(HttpConfig::authorization).orElse(HttpAuth.NONE);
    }

    private static HttpAuth basic(ConfigMap b) {
        b.allow(List.of("username", "password", "password_file"));
        Optional<String> user = b.text("username");
        if (user.isEmpty()) {
            b.missing("username", "the user name for basic authentication");
        }
        Secret password = b.secret("password").orElse(Secret.plain(""));
        return new HttpAuth.Basic(user.orElse(""), password);
    }

    private static HttpAuth authorization(ConfigMap a) {
        a.allow(List.of("type", "credentials", "credentials_file"));
        String type = a.text("type").orElse("Bearer");
        Optional<Secret> credentials = a.secret("credentials");
        if (credentials.isEmpty()) {
            a.missing("credentials", "the credentials (or credentials_file) to send");
            return HttpAuth.NONE;
        }
        return new HttpAuth.Credentials(type, credentials.get());
    }
}
