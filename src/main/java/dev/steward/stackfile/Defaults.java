package dev.steward.stackfile;

import dev.steward.core.config.CheckConfig;
import dev.steward.core.expect.DurationLiteral;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The stack's {@code defaults:} block. {@code timeout} stays empty when not written, because the built-in default
 * timeout adapts to a short interval (the smaller of 10s and the interval) while a written one must fit.
 */
record Defaults(
        Duration interval, Optional<Duration> timeout, int failAfter, Duration retryInterval, int recoverAfter) {

    static final List<String> KEYS = List.of("interval", "timeout", "fail_after", "retry_interval", "recover_after");

    static final Defaults BUILT_IN = new Defaults(
            CheckConfig.DEFAULT_INTERVAL,
            Optional.empty(),
            CheckConfig.DEFAULT_FAIL_AFTER,
            CheckConfig.DEFAULT_RETRY_INTERVAL,
            CheckConfig.DEFAULT_RECOVER_AFTER);

    static Defaults read(NodeReader r, YamlNode node, String path) {
        Optional<Fields> fields =
                r.fields(node, path, "a mapping of interval, timeout, fail_after, retry_interval, recover_after", KEYS);
        if (fields.isEmpty()) {
            return BUILT_IN;
        }
        Fields f = fields.get();
        Duration interval = f.get("interval")
                .flatMap(n -> r.duration(n, f.path("interval")))
                .orElse(BUILT_IN.interval());
        Optional<Duration> timeout = f.get("timeout").flatMap(n -> r.duration(n, f.path("timeout")));
        if (timeout.isPresent() && timeout.get().compareTo(interval) > 0) {
            r.diagnostics.add(
                    f.get("timeout").orElseThrow(),
                    f.path("timeout"),
                    "timeout longer than the interval:",
                    DurationLiteral.format(timeout.get()) + " > " + DurationLiteral.format(interval),
                    "a timeout no longer than the interval");
        }
        int failAfter = f.get("fail_after")
                .flatMap(n -> r.integer(n, f.path("fail_after"), 1, 1000, CheckReader.COUNT_EXPECTED))
                .orElse(BUILT_IN.failAfter());
        Duration retry = f.get("retry_interval")
                .flatMap(n -> r.duration(n, f.path("retry_interval")))
                .orElse(BUILT_IN.retryInterval());
        int recover = f.get("recover_after")
                .flatMap(n -> r.integer(n, f.path("recover_after"), 1, 1000, CheckReader.COUNT_EXPECTED))
                .orElse(BUILT_IN.recoverAfter());
        return new Defaults(interval, timeout, failAfter, retry, recover);
    }
}
