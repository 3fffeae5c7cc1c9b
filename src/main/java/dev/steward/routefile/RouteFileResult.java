package dev.steward.routefile;

import dev.steward.stackfile.ConfigError;
import java.util.List;

/** The outcome of loading an Alertmanager configuration: the configuration, or every error found in it. */
public sealed interface RouteFileResult {
    record Loaded(RouteConfig config) implements RouteFileResult {}

    record Invalid(List<ConfigError> errors) implements RouteFileResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
