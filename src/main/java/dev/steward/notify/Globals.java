package dev.steward.notify;

import dev.steward.core.config.Secret;
import dev.steward.stackfile.ConfigError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The defaults an Alertmanager configuration's {@code global} section gives every integration, for the settings Steward
 * supports. Keys of other integrations (OpsGenie, WeChat...) are errors, like those integrations themselves.
 *
 * @param httpAuth credentials of {@code global.http_config}, used by HTTP integrations without their own
 * @param smtpHello the name sent in EHLO
 * @param smtpRequireTls whether e-mail must go over STARTTLS
 */
public record Globals(
        HttpAuth httpAuth,
        Optional<String> smtpFrom,
        String smtpHello,
        Optional<String> smtpSmarthost,
        Optional<String> smtpAuthUsername,
        Optional<Secret> smtpAuthPassword,
        boolean smtpRequireTls,
        Optional<Secret> slackApiUrl,
        URI pagerdutyUrl) {
    public static final URI PAGERDUTY_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

    /** Alertmanager's own defaults. */
    public static final Globals DEFAULT = new Globals(
            HttpAuth.NONE,
            Optional.empty(),
            "localhost",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true,
            Optional.empty(),
            PAGERDUTY_URL);

    static final List<String> KEYS = List.of(
            "resolve_timeout",
            "http_config",
            "smtp_from",
            "smtp_hello",
            "smtp_smarthost",
            "smtp_auth_username",
            "smtp_auth_password",
            "smtp_auth_password_file",
            "smtp_require_tls",
            "slack_api_url",
            "slack_api_url_file",
            "pagerduty_url");

    /** Reads {@code global} (the raw mapping of {@code RouteConfig.global()}); {@code source} names the file. */
    public static Configured<Globals> read(Map<String, Object> raw, String source, SecretResolver secrets) {
        List<ConfigError> errors = new ArrayList<>();
        ConfigMap g = ConfigMap.root(raw, "global", source, secrets, errors);
        g.allow(KEYS);
        g.duration("resolve_timeout");
        Optional<String> smarthost = g.hostPort("smtp_smarthost");
        Globals globals = new Globals(
                HttpConfig.read(g, HttpAuth.NONE),
                g.text("smtp_from"),
                g.text("smtp_hello").orElse(DEFAULT.smtpHello),
                smarthost,
                g.text("smtp_auth_username"),
                g.secret("smtp_auth_password"),
                g.bool("smtp_require_tls").orElse(true),
                g.secretUrl("slack_api_url"),
                g.url("pagerduty_url").orElse(PAGERDUTY_URL));
        return Configured.of(globals, errors);
    }
}
