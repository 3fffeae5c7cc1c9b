package dev.steward.notify.slack;

import dev.steward.core.config.Secret;
import dev.steward.notify.ConfigMap;
import dev.steward.notify.HttpAuth;
import dev.steward.notify.HttpConfig;
import dev.steward.notify.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code slack_configs} entry for an incoming webhook: {@code api_url}/{@code api_url_file} (default {@code
 * global.slack_api_url}), {@code channel}, {@code username}, {@code icon_emoji}, {@code icon_url}, {@code
 * send_resolved} (default false, as in Alertmanager), {@code http_config}, {@code timeout}. Alertmanager's templated
 * texts ({@code title}, {@code text}, {@code fields}...) and the bot-token API ({@code app_token}) are not supported:
 * Steward writes the message itself.
 */
public record SlackConfig(
        Secret apiUrl,
        Optional<String> channel,
        Optional<String> username,
        Optional<String> iconEmoji,
        Optional<String> iconUrl,
        HttpAuth auth,
        Duration timeout,
        boolean sendResolved) {
    public static final List<String> KEYS = List.of(
            "api_url",
            "api_url_file",
            "channel",
            "username",
            "icon_emoji",
            "icon_url",
            "send_resolved",
            "http_config",
            "timeout");

    public static Optional<SlackConfig> read(ConfigMap m, Settings settings) {
        m.allow(KEYS);
        Optional<Secret> url = m.secretUrl("api_url");
        if (url.isEmpty() && !m.has("api_url") && !m.has("api_url_file")) {
            url = settings.global().slackApiUrl();
            if (url.isEmpty()) {
                m.missing("api_url", "the incoming webhook URL (or api_url_file, or global.slack_api_url)");
            }
        }
        SlackConfig c = new SlackConfig(
                url.orElse(Secret.plain("")),
                m.text("channel"),
                m.text("username"),
                m.text("icon_emoji"),
                m.url("icon_url").map(Object::toString),
                HttpConfig.read(m, settings.global().httpAuth()),
                m.duration("timeout").orElse(settings.timeout()),
                m.bool("send_resolved").orElse(false));
        return url.map(u -> c);
    }
}
