package dev.steward.core.status;

import dev.steward.core.check.CheckStatus;
import java.util.List;

/**
 * A service's status with its reason ({@code degraded: db is down}, {@code check health: status: ...}).
 *
 * @param downDependencies the services this one depends on (directly or not) that are down
 */
public record ServiceStatus(String service, CheckStatus status, String reason, List<String> downDependencies) {}
