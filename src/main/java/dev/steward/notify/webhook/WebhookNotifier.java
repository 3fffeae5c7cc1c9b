package dev.steward.notify.webhook;

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
 * POSTs each message as JSON, in Steward's shape ({@link StewardPayload}) or Alertmanager's ({@link
 * AlertmanagerPayload}), with an {@code Idempotency-Key} header (the same on every attempt of one outbox entry, so a
 * receiver can drop duplicates) and, when a secret is configured, the {@link WebhookSignature} headers.
 */
public final class WebhookNotifier implements Notifier {
    private final String channel;
    private final String receiver;
    private final WebhookConfig config;
    private final Settings settings;

    public WebhookNotifier(String channel, String receiver, WebhookConfig config, Settings settings) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
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
        Map<String, Object> payload = switch (config.format()) {
            case STEWARD -> StewardPayload.of(message, receiver, settings.externalUrl());
            case ALERTMANAGER -> AlertmanagerPayload.of(message, receiver, settings.externalUrl(), config.maxAlerts());
        };
        byte[] body = HttpPost.toJson(payload);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", idempotencyKey);
        config.auth().header().ifPresent(h -> headers.put("Authorization", h));
        config.hmacSecret().ifPresent(secret -> {
            long now = settings.clock().instant().getEpochSecond();
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret.reveal(), now, body));
        });
        URI url = URI.create(config.url().reveal().trim());
        return HttpPost.json(settings.http(), url, headers, body, config.timeout());
    }

    @Override
    public String toString() {
        return "WebhookNotifier[" + channel + "]";
    }
}
