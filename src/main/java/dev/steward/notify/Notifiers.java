package dev.steward.notify;

import dev.steward.notify.email.EmailConfig;
import dev.steward.notify.email.EmailNotifier;
import dev.steward.notify.pagerduty.PagerDutyConfig;
import dev.steward.notify.pagerduty.PagerDutyNotifier;
import dev.steward.notify.slack.SlackConfig;
import dev.steward.notify.slack.SlackNotifier;
import dev.steward.notify.webhook.WebhookConfig;
import dev.steward.notify.webhook.WebhookNotifier;
import dev.steward.routefile.Receiver;
import dev.steward.routefile.RouteConfig;
import dev.steward.stackfile.ConfigError;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds notifiers from configuration: one per integration entry of an Alertmanager receiver ({@link #forReceiver}),
 * or one for a person's contact method in the on-call configuration ({@link #forContact}). Every setting is checked
 * strictly and every error is returned, with its path, at once.
 */
public final class Notifiers {
    /** The contact kinds of {@link #forContact}. */
    public static final List<String> CONTACT_KINDS = List.of("email", "slack", "webhook", "pagerduty");

    private Notifiers() {}

    /** The client notifiers share: HTTP/1.1 (receivers are simple servers), no redirects, a 5 s connect timeout. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Every receiver's notifiers, by receiver name in file order, after applying the configuration's {@code global}
     * section to {@code settings}.
     */
    public static Configured<Map<String, List<Notifier>>> forConfig(RouteConfig config, Settings settings) {
        Settings s;
        switch (settings.withGlobal(config.global())) {
            case Configured.Valid<Settings> v -> s = v.value();
            case Configured.Invalid<Settings> i -> {
                return new Configured.Invalid<>(i.errors());
            }
        }
        Map<String, List<Notifier>> out = new LinkedHashMap<>();
        List<ConfigError> errors = new ArrayList<>();
        for (Receiver r : config.receivers().values()) {
            switch (forReceiver(r, s)) {
                case Configured.Valid<List<Notifier>> v -> out.put(r.name(), v.value());
                case Configured.Invalid<List<Notifier>> i -> errors.addAll(i.errors());
            }
        }
        return Configured.of(out, errors);
    }

    /**
     * One notifier per integration entry of {@code receiver}, in the order of {@link Receiver#KINDS} then of the file;
     * channels are named {@code <receiver>/<kind>[<index>]}, errors' paths {@code receivers[<receiver>].<kind>[<index>]}.
     */
    public static Configured<List<Notifier>> forReceiver(Receiver receiver, Settings settings) {
        List<ConfigError> errors = new ArrayList<>();
        List<Notifier> out = new ArrayList<>();
        for (String kind : Receiver.KINDS) {
            List<Map<String, Object>> entries = receiver.integrations().getOrDefault(kind, List.of());
            for (int i = 0; i < entries.size(); i++) {
                String entry = kind + "[" + i + "]";
                String path = "receivers[" + receiver.name() + "]." + entry;
                ConfigMap m = ConfigMap.root(entries.get(i), path, settings.source(), settings.secrets(), errors);
                build(kind, receiver.name() + "/" + entry, receiver.name(), m, settings)
                        .ifPresent(out::add);
            }
        }
        return Configured.of(List.copyOf(out), errors);
    }

    /**
     * The notifier for one contact method: {@code email} (an address), {@code slack} (an incoming webhook URL), {@code
     * webhook} (a URL, Steward's JSON shape, unsigned) or {@code pagerduty} (an Events v2 routing key). The address may
     * hold {@code ${env:}}/{@code ${file:}} references; errors carry {@code path} (where the contact is written). Resolved
     * messages are always sent: the on-call policy decides who hears what.
     * Channels are {@code email:<address>}, or for the others the kind, the host and a short hash of the address
     * ({@code slack:hooks.slack.com#1a2b3c}, {@code pagerduty:#4d5e6f}), which never reveals a token.
     */
    public static Configured<Notifier> forContact(String kind, String address, String path, Settings settings) {
        List<ConfigError> errors = new ArrayList<>();
        String key = switch (kind) {
            case "email" -> "to";
            case "slack" -> "api_url";
            case "webhook" -> "url";
            case "pagerduty" -> "routing_key";
            default -> null;
        };
        if (key == null) {
            errors.add(new ConfigError(
                    settings.source(),
                    0,
                    0,
                    path,
                    "unknown contact kind",
                    Optional.of('"' + kind + '"'),
                    Optional.of("one of " + String.join(", ", CONTACT_KINDS))));
            return new Configured.Invalid<>(errors);
        }
        Map<String, Object> raw = Map.of(key, address, "send_resolved", "true");
        List<ConfigError> found = new ArrayList<>();
        ConfigMap m = ConfigMap.root(raw, path, settings.source(), settings.secrets(), found);
        Optional<Notifier> n = build(kind + "_configs", contactChannel(kind, address), "contact", m, settings);
        for (ConfigError e : found) {
            String p = e.path().equals(path + "." + key) ? path : e.path();
            errors.add(new ConfigError(e.file(), e.line(), e.column(), p, e.message(), e.seen(), e.expected()));
        }
        return errors.isEmpty() && n.isPresent() ? new Configured.Valid<>(n.get()) : new Configured.Invalid<>(errors);
    }

    private static Optional<Notifier> build(String kind, String channel, String receiver, ConfigMap m, Settings s) {
        return switch (kind) {
            case "webhook_configs" -> WebhookConfig.read(m, s).map(c -> new WebhookNotifier(channel, receiver, c, s));
            case "slack_configs" -> SlackConfig.read(m, s).map(c -> new SlackNotifier(channel, c, s));
            case "email_configs" -> EmailConfig.read(m, s).map(c -> new EmailNotifier(channel, c));
            case "pagerduty_configs" -> PagerDutyConfig.read(m, s).map(c -> new PagerDutyNotifier(channel, c, s));
            default -> {
                m.error("", "unsupported integration", kind, "one of " + String.join(", ", Receiver.KINDS));
                yield Optional.empty();
            }
        };
    }

    static String contactChannel(String kind, String address) {
        if (kind.equals("email")) {
            return "email:" + address;
        }
        String host = ConfigMap.parseUrl(address).map(u -> u.getHost()).orElse("");
        return kind + ":" + host + "#" + shortHash(address);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
