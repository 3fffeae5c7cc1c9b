package dev.steward.core.deploy;

import java.util.Map;

/**
 * Who carries a deployment's steps out: {@code type} names the actuator (command, http, kubernetes, proxy), {@code
 * settings} are its keys as written (validated by the actuator, not here), {@code path} where they were written, for
 * the actuator's error messages.
 */
public record ProviderSpec(String type, Map<String, Object> settings, String path) {
    public ProviderSpec {
        settings = Map.copyOf(settings);
    }
}
