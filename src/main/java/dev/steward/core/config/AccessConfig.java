package dev.steward.core.config;

import dev.steward.core.access.User;
import java.util.List;

/**
 * The stack file's {@code access:} block.
 *
 * @param metricsAnonymous whether {@code GET /metrics} needs no credentials (default true: Prometheus scrapes it)
 * @param users users defined in the file, with their password hashes; read-only through the API
 * @param sessionIdle a console session ends after this long without a request (default 12h)
 * @param sessionMax a console session ends this long after login, whatever the activity (default 7d)
 * @param secureCookies {@code auto} (Secure when the request came over HTTPS, directly or by X-Forwarded-Proto),
 *     {@code always} or {@code never}
 */
public record AccessConfig(
        boolean metricsAnonymous,
        List<User> users,
        java.time.Duration sessionIdle,
        java.time.Duration sessionMax,
        String secureCookies) {
    public static final List<String> SECURE_COOKIES = List.of("auto", "always", "never");
    public static final AccessConfig DEFAULTS = new AccessConfig(true, List.of());

    public AccessConfig {
        users = List.copyOf(users);
    }

    public AccessConfig(boolean metricsAnonymous, List<User> users) {
        this(metricsAnonymous, users, java.time.Duration.ofHours(12), java.time.Duration.ofDays(7), "auto");
    }
}
