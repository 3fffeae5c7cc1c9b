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
            "alertmanager_config", "external_url", "link_key", "ack_timeout", "settle_after", "fallback_receiver");

    private AlertingReader() {}

    static AlertingConfig read(NodeReader r, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(
                node,
                path,
                "a mapping of alertmanager_config, external_url, link_key, ack_timeout, settle_after, fallback_receiver",
                KEYS);
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
        return new AlertingConfig(file, url, key, ackTimeout, settle, fallback);
    }
}
