package dev.steward.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The stack file's {@code alerting:} block: where the routing configuration is (an Alertmanager configuration file,
 * relative to the stack file; without one every alert goes to the built-in route, see {@code
 * dev.steward.app.StackLoading}), the URL people reach Steward at (for links in notifications), the key that signs
 * acknowledgement links, and the incident timings.
 *
 * @param alertmanagerConfig the Alertmanager configuration file, as written
 * @param externalUrl the base URL in links; empty: {@code http://<host>:<port>} of the daemon
 * @param linkKey signs the acknowledgement links in notifications; empty: a key generated once and kept in the store
 * @param ackTimeout an acknowledged incident that is still firing this long after its acknowledgement re-triggers
 * @param settleAfter how long a page held because a dependency was down waits after the dependency recovered
 * @param fallbackReceiver the receiver (of the Alertmanager configuration) that gets a copy of what a channel keeps
 *     failing to deliver
 */
public record AlertingConfig(
        Optional<String> alertmanagerConfig,
        Optional<URI> externalUrl,
        Optional<Secret> linkKey,
        Duration ackTimeout,
        Duration settleAfter,
        Optional<String> fallbackReceiver) {
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_SETTLE_AFTER = Duration.ofSeconds(30);
    public static final AlertingConfig DEFAULTS = new AlertingConfig(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            DEFAULT_ACK_TIMEOUT,
            DEFAULT_SETTLE_AFTER,
            Optional.empty());
}
