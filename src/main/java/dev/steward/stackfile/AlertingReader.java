package dev.steward.stackfile;

import dev.steward.core.config.AlertingConfig;
import dev.steward.core.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads the stack's {@code alerting:} block (see {@link AlertingConfig}). */
final class AlertingReader {
    static final List<String> KEYS = List.of(
            "alertmanager_config",
            "external_url",
            "link_key",
            "ack_timeout",
            "settle_after",
            "fallback_receiver",
            "silence_max_duration",
            "maintenance_notice",
            "maintenance_max_duration");

    private AlertingReader() {}

    static AlertingConfig read(NodeReader r, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping of " + String.join(", ", KEYS), KEYS);
        if (fields.isEmpty()) {
            return AlertingConfig.DEFAULTS;
        }
        Fields f = fields.get();
        Optional<String> file = f.get("alertmanager_config").flatMap(n -> r.text(n, f.path("alertmanager_config")));
        Optional<URI> url = f.get("external_url").flatMap(n -> r.httpUrl(n, f.path("external_url")));
        Optional<Secret> key = f.get("link_key").flatMap(n -> r.secret(n, f.path("link_key")));
        Duration ackTimeout = f.get("ack_timeout")
                .flatMap(n -> r.duration(n, f.path("ack_timeout")))
                .orElse(AlertingConfig.DEFAULT_ACK_TIMEOUT);
        Duration settle = f.get("settle_after")
                .flatMap(n -> r.duration(n, f.path("settle_after")))
                .orElse(AlertingConfig.DEFAULT_SETTLE_AFTER);
        Optional<String> fallback =
                f.get("fallback_receiver").flatMap(n -> r.name(n, f.path("fallback_receiver"), "receiver name"));
        Duration silenceMax = duration(r, f, "silence_max_duration").orElse(AlertingConfig.DEFAULT_SILENCE_MAX);
        Duration notice = duration(r, f, "maintenance_notice").orElse(Duration.ZERO);
        Duration maintenanceMax =
                duration(r, f, "maintenance_max_duration").orElse(AlertingConfig.DEFAULT_MAINTENANCE_MAX);
        return new AlertingConfig(file, url, key, ackTimeout, settle, fallback, silenceMax, notice, maintenanceMax);
    }

    private static Optional<Duration> duration(NodeReader r, Fields f, String key) {
        return f.get(key).flatMap(n -> r.duration(n, f.path(key)));
    }
}
