package dev.steward.notify.webhook;

import dev.steward.core.config.Secret;
import dev.steward.notify.ConfigMap;
import dev.steward.notify.HttpAuth;
import dev.steward.notify.HttpConfig;
import dev.steward.notify.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code webhook_configs} entry: Alertmanager's settings ({@code url}/{@code url_file}, {@code http_config},
 * {@code send_resolved}, {@code max_alerts}, {@code timeout}) plus Steward's {@code format} ({@code steward}, the
 * default, or {@code alertmanager}) and {@code hmac_secret}/{@code hmac_secret_file} (signs each request, see {@link
 * WebhookSignature}). The URL is treated as a secret: webhook URLs often carry tokens.
 */
public record WebhookConfig(
        Secret url,
        Format format,
        Optional<Secret> hmacSecret,
        HttpAuth auth,
        Duration timeout,
        int maxAlerts,
        boolean sendResolved) {
    public enum Format {
        STEWARD,
        ALERTMANAGER
    }

    public static final List<String> KEYS = List.of(
            "url",
            "url_file",
            "format",
            "hmac_secret",
            "hmac_secret_file",
            "http_config",
            "send_resolved",
            "max_alerts",
            "timeout");

    /** The settings in {@code m}, or empty with the errors recorded in {@code m}. */
    public static Optional<WebhookConfig> read(ConfigMap m, Settings settings) {
        m.allow(KEYS);
        Optional<Secret> url = m.secretUrl("url");
        if (url.isEmpty() && !m.has("url") && !m.has("url_file")) {
            m.missing("url", "the URL to POST to (or url_file)");
        }
        Format format = m.choice("format", List.of("steward", "alertmanager"))
                .map(f -> f.equals("alertmanager") ? Format.ALERTMANAGER : Format.STEWARD)
                .orElse(Format.STEWARD);
        Optional<Secret> hmac = m.secret("hmac_secret");
        HttpAuth auth = settingsAuth(m, settings);
        Duration timeout = m.duration("timeout").orElse(settings.timeout());
        int maxAlerts = m.integer("max_alerts", 0).orElse(0);
        boolean sendResolved = m.bool("send_resolved").orElse(true);
        return url.map(u -> new WebhookConfig(u, format, hmac, auth, timeout, maxAlerts, sendResolved));
    }

    static HttpAuth settingsAuth(ConfigMap m, Settings settings) {
        return HttpConfig.read(m, settings.global().httpAuth());
    }
}
