package dev.steward.routefile;

import java.util.List;
import java.util.Map;

/**
 * A receiver of an Alertmanager configuration: its name and its integrations by kind ({@code webhook_configs}, {@code
 * slack_configs}, {@code email_configs}, {@code pagerduty_configs}), each kept as the raw mapping written in the file
 * for the notifiers to interpret. A receiver without integrations is valid (Alertmanager's way to drop alerts).
 */
public record Receiver(String name, Map<String, List<Map<String, Object>>> integrations) {
    public static final List<String> KINDS =
            List.of("webhook_configs", "slack_configs", "email_configs", "pagerduty_configs");

    public Receiver {
        integrations = Map.copyOf(integrations);
    }

    /**
     * Whether this receiver wants resolved alerts: some integration says {@code send_resolved: true}, or leaves it out
     * where Alertmanager's default is true (webhook and PagerDuty; Slack and e-mail default to false).
     */
    public boolean sendResolved() {
        for (var e : integrations.entrySet()) {
            boolean byDefault =
                    e.getKey().equals("webhook_configs") || e.getKey().equals("pagerduty_configs");
            for (Map<String, Object> config : e.getValue()) {
                Object v = config.get("send_resolved");
                if (v == null ? byDefault : "true".equals(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
