package dev.steward.stackfile;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The first segment of every path an {@code expect} condition may use, per probe type. A condition that names
 * anything else is an error at load time (most likely a typo that would otherwise fail every probe at run time).
 */
final class ProbeFacts {
    private ProbeFacts() {}

    private static final List<String> HTTP = List.of(
            "status",
            "latency",
            "body",
            "header",
            "cert_expiry",
            "cert_not_after",
            "content_length",
            "redirects",
            "http_version",
            "tls_version",
            "body_truncated");

    static final Map<String, List<String>> ROOTS = Map.of(
            "http", HTTP,
            "health", concat(HTTP, "health"),
            "tcp", List.of("latency", "reply"),
            "postgres", List.of("latency", "rows", "value", "server_version"),
            "redis", List.of("latency", "info"),
            "elasticsearch", List.of("latency", "status", "body", "cluster"),
            "command", List.of("exit_code", "stdout", "stderr", "latency", "stdout_truncated", "stderr_truncated"));

    private static List<String> concat(List<String> a, String b) {
        return Stream.concat(a.stream(), Stream.of(b)).toList();
    }
}
