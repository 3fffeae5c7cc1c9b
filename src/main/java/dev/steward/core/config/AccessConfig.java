package dev.steward.core.config;

import dev.steward.core.access.User;
import java.util.List;

/**
 * The stack file's {@code access:} block.
 *
 * @param metricsAnonymous whether {@code GET /metrics} needs no credentials (default true: Prometheus scrapes it)
 * @param users users defined in the file, with their password hashes; read-only through the API
 */
public record AccessConfig(boolean metricsAnonymous, List<User> users) {
    public static final AccessConfig DEFAULTS = new AccessConfig(true, List.of());

    public AccessConfig {
        users = List.copyOf(users);
    }
}
