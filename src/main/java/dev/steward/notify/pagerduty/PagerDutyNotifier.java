package dev.steward.notify.pagerduty;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.notify.HttpPost;
import dev.steward.notify.Notifier;
import dev.steward.notify.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends PagerDuty Events API v2 events: triggered, escalated and flapping incidents trigger, acknowledged ones
 * acknowledge, resolved ones resolve, all with the incident id as dedup key. PagerDuty answers 202 when it accepted an
 * event, 400 when the event is invalid (not retried), 429 when rate limited and 5xx when it has trouble (both retried).
 */
public final class PagerDutyNotifier implements Notifier {
    private final String channel;
    private final PagerDutyConfig config;
    private final Settings settings;

    public PagerDutyNotifier(String channel, PagerDutyConfig config, Settings settings) {
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
        Optional<String> action = PagerDutyEvent.action(message.kind());
        if (action.isEmpty()) {
            return new Delivery.Delivered("not sent: PagerDuty takes incidents, not " + message.kind());
        }
        if (message.kind() == MessageKind.RESOLVED && !config.sendResolved()) {
            return new Delivery.Delivered("not sent: send_resolved is false");
        }
        byte[] body = HttpPost.toJson(PagerDutyEvent.of(message, action.get(), config, settings.externalUrl()));
        Map<String, String> headers = new LinkedHashMap<>();
        config.auth().header().ifPresent(h -> headers.put("Authorization", h));
        return HttpPost.json(settings.http(), config.url(), headers, body, config.timeout());
    }

    @Override
    public String toString() {
        return "PagerDutyNotifier[" + channel + "]";
    }
}
