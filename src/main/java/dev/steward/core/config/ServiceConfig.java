package dev.steward.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of the stack: its checks, its dependencies and its metrics endpoint. */
public record ServiceConfig(
        String name,
        String description,
        List<String> dependsOn,
        Map<String, String> labels,
        List<CheckConfig> checks,
        Optional<ScrapeConfig> metrics) {}
