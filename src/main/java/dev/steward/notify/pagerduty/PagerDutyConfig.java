package dev.steward.notify.pagerduty;

import dev.steward.core.config.Secret;
import dev.steward.notify.ConfigMap;
import dev.steward.notify.HttpAuth;
import dev.steward.notify.HttpConfig;
import dev.steward.notify.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code pagerduty_configs} entry (Events API v2): {@code routing_key}/{@code routing_key_file} (required), {@code
 * url} (default {@code global.pagerduty_url}), {@code client}, {@code client_url}, {@code source}, {@code severity} (a
 * fixed value instead of the mapping from the incident's severity), {@code class}, {@code component}, {@code group},
 * {@code details} (added to {@code custom_details}), {@code links}, {@code send_resolved}, {@code http_config}, {@code
 * timeout}. Alertmanager's {@code service_key} (Events API v1) and templated {@code description} are not supported.
 */
public record PagerDutyConfig(
        Secret routingKey,
        URI url,
        String client,
        Optional<String> clientUrl,
        Optional<String> source,
        Optional<String> severity,
        Optional<String> eventClass,
        Optional<String> component,
        Optional<String> group,
        Map<String, String> details,
        List<Link> links,
        HttpAuth auth,
        Duration timeout,
        boolean sendResolved) {
    public record Link(String href, String text) {}

    public static final List<String> KEYS = List.of(
            "routing_key",
            "routing_key_file",
            "url",
            "client",
            "client_url",
            "source",
            "severity",
            "class",
            "component",
            "group",
            "details",
            "links",
            "send_resolved",
            "http_config",
            "timeout");

    public static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

    public PagerDutyConfig {
        details = Map.copyOf(details);
        links = List.copyOf(links);
    }

    public static Optional<PagerDutyConfig> read(ConfigMap m, Settings settings) {
        m.allow(KEYS);
        Optional<Secret> key = m.secret("routing_key");
        if (key.isEmpty() && !m.has("routing_key") && !m.has("routing_key_file")) {
            m.missing("routing_key", "the integration's Events API v2 routing key (or routing_key_file)");
        }
        URI url = m.url("url").orElse(settings.global().pagerdutyUrl());
        List<Link> links = new ArrayList<>();
        for (ConfigMap l : m.maps("links")) {
            l.allow(List.of("href", "text"));
            Optional<URI> href = l.url("href");
            if (href.isEmpty() && !l.has("href")) {
                l.missing("href", "the link's URL");
            }
            href.ifPresent(h -> links.add(new Link(h.toString(), l.text("text").orElse(h.toString()))));
        }
        PagerDutyConfig c = new PagerDutyConfig(
                key.orElse(Secret.plain("")),
                url,
                m.text("client").orElse("Steward"),
                m.text("client_url"),
                m.text("source"),
                m.choice("severity", SEVERITIES),
                m.text("class"),
                m.text("component"),
                m.text("group"),
                m.texts("details"),
                links,
                HttpConfig.read(m, settings.global().httpAuth()),
                m.duration("timeout").orElse(settings.timeout()),
                m.bool("send_resolved").orElse(true));
        return key.map(k -> c);
    }
}
