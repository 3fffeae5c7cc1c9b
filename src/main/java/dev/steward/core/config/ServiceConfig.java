package dev.steward.core.config;

import dev.steward.core.deploy.DeployConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of the stack: its checks, its dependencies, its metrics endpoint and how it is deployed. */
public record ServiceConfig(
        String name,
        String description,
        List<String> dependsOn,
        Map<String, String> labels,
        List<CheckConfig> checks,
        Optional<ScrapeConfig> metrics,
        Optional<DeployConfig> deploy) {

    /** A service without a {@code deploy:} section. */
    public ServiceConfig(
            String name,
            String description,
            List<String> dependsOn,
            Map<String, String> labels,
            List<CheckConfig> checks,
            Optional<ScrapeConfig> metrics) {
        this(name, description, dependsOn, labels, checks, metrics, Optional.empty());
    }
}
