package dev.steward.core.config;

import java.util.List;
import java.util.Map;

/**
 * A loaded, validated stack file. {@code services} keeps the order of the file.
 *
 * @param ruleFiles rule file globs, as written (resolved by the rules issue's loader)
 */
public record StackConfig(String stack, Map<String, ServiceConfig> services, List<String> ruleFiles) {

    public List<CheckConfig> allChecks() {
        return services.values().stream().flatMap(s -> s.checks().stream()).toList();
    }
}
