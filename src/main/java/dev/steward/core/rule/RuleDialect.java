package dev.steward.core.rule;

/**
 * Which rule-file keys a loader accepts. {@link #STEWARD} (the daemon's default) accepts Prometheus's keys and
 * Steward's extensions {@code resolve_when} and {@code fire_after}; {@link #PROMETHEUS} rejects the extensions, to
 * check that a file still loads in Prometheus.
 */
public enum RuleDialect {
    PROMETHEUS,
    STEWARD
}
