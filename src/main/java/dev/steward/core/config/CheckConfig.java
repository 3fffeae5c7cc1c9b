package dev.steward.core.config;

import dev.steward.core.expect.Condition;
import dev.steward.core.flap.FlapSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One check of a service.
 *
 * @param expect the {@code expect} conditions as written, for display
 * @param condition the parsed conjunction of {@code expect}; empty means the probe type's default verdict
 * @param failAfter consecutive failures before the check is DOWN (default 3)
 * @param retryInterval the interval between probes while a failure is being confirmed (default 5s)
 * @param recoverAfter consecutive successes before a DOWN check is UP again (default 2)
 * @param alert whether Steward's built-in alert for this check is on (default true; {@code alert: false} in the stack
 *     file turns it off)
 * @param flapping flap detection of this check (off by default)
 */
public record CheckConfig(
        String service,
        String name,
        ProbeSpec probe,
        Duration interval,
        Duration timeout,
        List<String> expect,
        Optional<Condition> condition,
        int failAfter,
        Duration retryInterval,
        int recoverAfter,
        Map<String, String> labels,
        boolean alert,
        FlapSettings flapping) {

    /** A check without flap detection. */
    public CheckConfig(
            String service,
            String name,
            ProbeSpec probe,
            Duration interval,
            Duration timeout,
            List<String> expect,
            Optional<Condition> condition,
            int failAfter,
            Duration retryInterval,
            int recoverAfter,
            Map<String, String> labels,
            boolean alert) {
        this(
                service,
                name,
                probe,
                interval,
                timeout,
                expect,
                condition,
                failAfter,
                retryInterval,
                recoverAfter,
                labels,
                alert,
                FlapSettings.OFF);
    }

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_FAIL_AFTER = 3;
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_RECOVER_AFTER = 2;

    /** A check with its built-in alert on. */
    public CheckConfig(
            String service,
            String name,
            ProbeSpec probe,
            Duration interval,
            Duration timeout,
            List<String> expect,
            Optional<Condition> condition,
            int failAfter,
            Duration retryInterval,
            int recoverAfter,
            Map<String, String> labels) {
        this(
                service,
                name,
                probe,
                interval,
                timeout,
                expect,
                condition,
                failAfter,
                retryInterval,
                recoverAfter,
                labels,
                true);
    }

    /** The check's identity, stable across reloads: {@code service/name}. */
    public CheckId id() {
        return new CheckId(service, name);
    }
}
