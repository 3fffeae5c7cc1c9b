package dev.steward.core.probe;

import java.util.Optional;

/**
 * One component inside a health document (Spring Actuator {@code components.db}, ASP.NET {@code entries.db}).
 *
 * @param status the status as reported ({@code UP}, {@code Degraded}, ...)
 */
public record ComponentStatus(String name, boolean healthy, String status, Optional<String> detail) {}
