package dev.steward.notify.slack;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.notify.HttpPost;
import dev.steward.notify.Notifier;
import dev.steward.notify.Settings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Posts to a Slack incoming webhook ({@link SlackPayload}). Slack answers 200 {@code ok}; 400 ({@code
 * invalid_payload}), 403 and 404 ({@code channel_not_found}, {@code no_service}) will not improve with retries; 429 and
 * 5xx will.
 */
public final class SlackNotifier implements Notifier {
    private final String channel;
    private final SlackConfig config;
    private final Settings settings;

    public SlackNotifier(String channel, SlackConfig config, Settings settings) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public Delivery deliver(Message message, String idempotencyKey) {
        if (message.kind() == MessageKind.RESOLVED && !config.sendResolved()) {
            return new Delivery.Delivered("not sent: send_resolved is false");
        }
        byte[] body = HttpPost.toJson(SlackPayload.of(message, config));
        Map<String, String> headers = new LinkedHashMap<>();
        config.auth().header().ifPresent(h -> headers.put("Authorization", h));
        URI url = URI.create(config.apiUrl().reveal().trim());
        return HttpPost.json(settings.http(), url, headers, body, config.timeout());
    }

    @Override
    public String toString() {
        return "SlackNotifier[" + channel + "]";
    }
}
